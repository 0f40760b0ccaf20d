import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { ensureDepartment } from '../departments/department.repo.ts';
import type { BlockContext, UnitChoice } from './goal-edit.types.ts';

/** The sub-units (センター, 課) of a department, by name: what an item's 担当 can be chosen from. */
export async function listUnits(
  db: Kysely<Database>,
  departmentId: number,
): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('department')
    .select(['id', 'name'])
    .where('parent_id', '=', departmentId)
    .orderBy('name')
    .execute();
}

/** An existing unit must belong to the block's department; a typed name becomes a new unit of it. */
export async function resolveUnit(
  db: Kysely<Database>,
  ctx: BlockContext,
  choice: UnitChoice,
): Promise<number | null> {
  if (choice === null) return null;
  if ('name' in choice) {
    const name = choice.name.trim();
    if (name === '') return null;
    return (await ensureDepartment(db, ctx.municipalityId, name, ctx.departmentId)).id;
  }
  const unit = await db
    .selectFrom('department')
    .select('id')
    .where('id', '=', choice.id)
    .where('parent_id', '=', ctx.departmentId)
    .executeTakeFirst();
  if (!unit)
    throw new AppError('INVALID_INPUT', `unit ${choice.id} is not part of this department`, {
      field: 'unit',
    });
  return unit.id;
}
