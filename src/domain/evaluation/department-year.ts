import type { Kysely } from 'kysely';
import type { Database, DepartmentRow, MunicipalityRow, QuantityKind } from '../../db/schema.ts';
import type { QuantityMatchRow } from '../../db/tables/evaluation.ts';
import { AppError } from '../../errors.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { loadBlock, type StoredGoal } from '../goals/goal.repo.ts';
import { getMunicipality } from '../municipalities/municipality.repo.ts';
import { loadMatches } from './match.repo.ts';
import { type BlockMatch, matchBlocks } from './suggest.ts';

/** One department's targets (plan block of Y) and achievements (review block of Y). */
export interface DepartmentYear {
  department: DepartmentRow;
  municipality: MunicipalityRow;
  fiscalYear: number;
  plan: StoredGoal[];
  review: StoredGoal[];
}

/** Keeps only the quantities of the kind the block is about. */
function onlyKind(goals: StoredGoal[], kind: QuantityKind): StoredGoal[] {
  return goals.map((g) => ({
    ...g,
    items: g.items.map((i) => ({ ...i, quantities: i.quantities.filter((q) => q.kind === kind) })),
  }));
}

export async function loadDepartmentYear(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYear: number,
): Promise<DepartmentYear> {
  const department = await getDepartment(db, departmentId);
  if (!department || department.parent_id !== null) {
    throw new AppError('NOT_FOUND', `no department ${departmentId}`, { field: 'departmentId' });
  }
  const municipality = await getMunicipality(db, department.municipality_id);
  // The department's foreign key guarantees the row; its absence is a broken database, not a user error.
  if (!municipality) throw new AppError('INTERNAL', `no municipality ${department.municipality_id}`);
  const fiscalYearId = await findFiscalYearId(db, municipality.id, fiscalYear);
  const block = async (kind: 'plan' | 'review') =>
    fiscalYearId === undefined ? [] : loadBlock(db, { departmentId, fiscalYearId, block: kind });
  const plan = onlyKind(await block('plan'), 'target');
  const review = onlyKind(await block('review'), 'actual');
  if (plan.length === 0 && review.length === 0) {
    throw new AppError('NOT_FOUND', `${department.name} has no goals for fiscal year ${fiscalYear}`, {
      field: 'fiscalYear',
    });
  }
  return { department, municipality, fiscalYear, plan, review };
}

export const targetIdsOf = (goals: StoredGoal[]): number[] =>
  goals.flatMap((g) => g.items.flatMap((i) => i.quantities.map((q) => q.id)));

/** The stored matches of the year's targets and the pairing of what remains. */
export async function matchDepartmentYear(
  db: Kysely<Database>,
  year: DepartmentYear,
): Promise<{ match: BlockMatch; stored: Map<number, QuantityMatchRow> }> {
  const stored = await loadMatches(db, targetIdsOf(year.plan));
  const states = new Map(
    [...stored].map(([id, r]) => [id, { actualId: r.actual_quantity_id, status: r.status }]),
  );
  return { match: matchBlocks(year.plan, year.review, year.fiscalYear, states), stored };
}
