import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { ensureDepartment, findUnitOf, listUnits } from '../departments/department.repo.ts';
import type { BlockContext, UnitChoice } from './goal-edit.types.ts';

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
  const unit = await findUnitOf(db, choice.id, ctx.departmentId);
  if (!unit)
    throw new AppError('INVALID_INPUT', `unit ${choice.id} is not part of this department`, {
      field: 'unit',
    });
  return unit.id;
}

export { listUnits };
