import type { Kysely } from 'kysely';
import type { BlockKind, Database, QuantityKind } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/** Where a stored item sits: the department, year and block a mutation on it touches. */
export interface ItemScope {
  itemId: number;
  goalId: number;
  block: BlockKind;
  departmentId: number;
  municipalityId: number;
  fiscalYearId: number;
  year: number;
}

export interface QuantityScope extends ItemScope {
  quantityId: number;
  kind: QuantityKind;
}

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

export async function itemScope(db: Kysely<Database>, itemId: number): Promise<ItemScope> {
  const row = await itemQuery(db).where('item.id', '=', itemId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no item ${itemId}`, { field: 'itemId' });
  return row;
}

export async function quantityScope(db: Kysely<Database>, quantityId: number): Promise<QuantityScope> {
  const row = await itemQuery(db)
    .innerJoin('quantity', 'quantity.item_id', 'item.id')
    .select(['quantity.id as quantityId', 'quantity.kind as kind'])
    .where('quantity.id', '=', quantityId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no quantity ${quantityId}`, { field: 'quantityId' });
  return row;
}

/** A target: a quantity of a plan block. */
export async function targetScope(db: Kysely<Database>, quantityId: number): Promise<QuantityScope> {
  const scope = await quantityScope(db, quantityId);
  if (scope.kind !== 'target' || scope.block !== 'plan') {
    throw new AppError('INVALID_INPUT', `quantity ${quantityId} is not a target of a plan block`, {
      field: 'targetId',
    });
  }
  return scope;
}
