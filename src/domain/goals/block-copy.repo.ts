import type { Insertable, Kysely } from 'kysely';
import { insertBatches } from '../../db/batch.ts';
import type { Database } from '../../db/schema.ts';
import type { BlockContext } from './goal-edit.types.ts';

/** How many goals a block holds. */
export async function countBlockGoals(db: Kysely<Database>, ctx: BlockContext): Promise<number> {
  const row = await db
    .selectFrom('goal')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', ctx.departmentId)
    .where('fiscal_year_id', '=', ctx.fiscalYearId)
    .where('block', '=', ctx.block)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A block's goals in page order: what a copy takes over. */
export function goalsToCopy(db: Kysely<Database>, ctx: BlockContext) {
  return db
    .selectFrom('goal')
    .select(['id', 'no', 'position', 'title'])
    .where('department_id', '=', ctx.departmentId)
    .where('fiscal_year_id', '=', ctx.fiscalYearId)
    .where('block', '=', ctx.block)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** A goal's item rows in page order. */
export function itemRowsOfGoal(db: Kysely<Database>, goalId: number) {
  return db
    .selectFrom('item')
    .selectAll()
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** An item's target quantity rows. */
export function targetQuantityRows(db: Kysely<Database>, itemId: number) {
  return db
    .selectFrom('quantity')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('kind', '=', 'target')
    .execute();
}

export async function insertQuantityRows(
  db: Kysely<Database>,
  rows: Insertable<Database['quantity']>[],
): Promise<void> {
  await insertBatches(rows, (chunk) => db.insertInto('quantity').values(chunk).execute());
}
