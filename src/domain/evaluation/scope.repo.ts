import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

function itemQuery(db: Kysely<Database>) {
  return db
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select([
      'item.id as itemId',
      'goal.id as goalId',
      'goal.block as block',
      'goal.department_id as departmentId',
      'fiscal_year.municipality_id as municipalityId',
      'fiscal_year.id as fiscalYearId',
      'fiscal_year.year as year',
    ]);
}

/** Where an item sits (goal, block, department, city, year); undefined when there is no such item. */
export function findItemScope(db: Kysely<Database>, itemId: number) {
  return itemQuery(db).where('item.id', '=', itemId).executeTakeFirst();
}

/** Where a quantity sits, with its kind; undefined when there is no such quantity. */
export function findQuantityScope(db: Kysely<Database>, quantityId: number) {
  return itemQuery(db)
    .innerJoin('quantity', 'quantity.item_id', 'item.id')
    .select(['quantity.id as quantityId', 'quantity.kind as kind'])
    .where('quantity.id', '=', quantityId)
    .executeTakeFirst();
}
