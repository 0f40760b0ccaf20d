import type { Kysely } from 'kysely';
import type { BlockKind, Database, QuantityKind } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findItemScope, findQuantityScope } from './scope.repo.ts';

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

export async function itemScope(db: Kysely<Database>, itemId: number): Promise<ItemScope> {
  const row = await findItemScope(db, itemId);
  if (!row) throw new AppError('NOT_FOUND', `no item ${itemId}`, { field: 'itemId' });
  return row;
}

export async function quantityScope(db: Kysely<Database>, quantityId: number): Promise<QuantityScope> {
  const row = await findQuantityScope(db, quantityId);
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
