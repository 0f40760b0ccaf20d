import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import type { BlockKind, Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/** A goal as lineage shows it: where and when it stood, and its wording. */
export interface GoalRef {
  goalId: number;
  municipalityId: number;
  departmentId: number;
  departmentName: string;
  fiscalYear: number;
  block: BlockKind;
  no: number;
  position: number;
  title: string;
}

function goalRefQuery(db: Kysely<Database>) {
  return db
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .innerJoin('department as d', 'd.id', 'goal.department_id')
    .select([
      'goal.id as goalId',
      'fy.municipality_id as municipalityId',
      'goal.department_id as departmentId',
      'd.name as departmentName',
      'fy.year as fiscalYear',
      'goal.block',
      'goal.no',
      'goal.position',
      'goal.title',
    ]);
}

export async function goalRefs(db: Kysely<Database>, ids: number[]): Promise<GoalRef[]> {
  if (ids.length === 0) return [];
  return inChunks(ids, (chunk) => goalRefQuery(db).where('goal.id', 'in', chunk).execute());
}

export async function requireGoalRef(db: Kysely<Database>, id: number): Promise<GoalRef> {
  const found = await goalRefQuery(db).where('goal.id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', `no goal ${id}`, { field: 'goal' });
  return found;
}

/** Every goal of these departments (both blocks, all years), in year, block, position order. */
export async function goalRefsOfDepartments(
  db: Kysely<Database>,
  departmentIds: number[],
): Promise<GoalRef[]> {
  if (departmentIds.length === 0) return [];
  return goalRefQuery(db)
    .where('goal.department_id', 'in', departmentIds)
    .orderBy('fy.year')
    .orderBy('goal.block')
    .orderBy('goal.position')
    .orderBy('goal.id')
    .execute();
}
