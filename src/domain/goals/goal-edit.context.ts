import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { reindexBlock } from '../../search/index.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { ensureFiscalYear, findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { assertBlockEditable } from '../workflow/lock.ts';
import { findDepartmentPlace, findGoalPlace, findItemGoalId } from './goal-edit.repo.ts';
import type { BlockAddress, BlockContext } from './goal-edit.types.ts';

/** Permission first, then the workflow lock: a viewer learns nothing about phase states. */
export async function guard(db: Kysely<Database>, actor: Actor, ctx: BlockContext): Promise<void> {
  authorize(actor, 'goal.edit', { municipalityId: ctx.municipalityId, departmentId: ctx.departmentId });
  await assertBlockEditable(db, ctx);
}

async function topDepartment(db: Kysely<Database>, departmentId: number) {
  const department = await findDepartmentPlace(db, departmentId);
  if (!department || department.parent_id !== null) {
    throw new AppError('NOT_FOUND', `no department ${departmentId}`, { field: 'department' });
  }
  return department;
}

/**
 * The block at an address, guarded: the department is checked against the actor before anything
 * is written; `create` then makes the fiscal year when missing (the first goal of a new year).
 * `readOnly` is for a block the change only reads (a copy's source).
 */
export async function guardedBlock(
  db: Kysely<Database>,
  actor: Actor,
  address: BlockAddress,
  options: { create: boolean; readOnly?: boolean },
): Promise<BlockContext> {
  const department = await topDepartment(db, address.departmentId);
  const municipalityId = department.municipality_id;
  authorize(actor, 'goal.edit', { municipalityId, departmentId: address.departmentId });
  const fiscalYearId = options.create
    ? await ensureFiscalYear(db, municipalityId, address.year)
    : await findFiscalYearId(db, municipalityId, address.year);
  if (fiscalYearId === undefined) {
    throw new AppError('NOT_FOUND', `no fiscal year ${address.year}`, { field: 'year' });
  }
  const ctx = { ...address, municipalityId, fiscalYearId };
  // A block that is only read (the source of a copy) may be locked: it is not changed.
  if (!options.readOnly) await assertBlockEditable(db, ctx);
  return ctx;
}

export async function goalContext(db: Kysely<Database>, goalId: number): Promise<BlockContext> {
  const row = await findGoalPlace(db, goalId);
  if (!row) throw new AppError('NOT_FOUND', `no goal ${goalId}`, { field: 'goal' });
  return {
    departmentId: row.department_id,
    year: row.year,
    block: row.block,
    municipalityId: row.municipality_id,
    fiscalYearId: row.fiscal_year_id,
  };
}

export async function itemGoalId(db: Kysely<Database>, itemId: number): Promise<number> {
  const row = await findItemGoalId(db, itemId);
  if (!row) throw new AppError('NOT_FOUND', `no item ${itemId}`, { field: 'item' });
  return row.goal_id;
}

/** Search must never show a block other than as stored: rebuild its entries in the same transaction. */
export async function afterChange(db: Kysely<Database>, ctx: BlockContext): Promise<void> {
  await reindexBlock(db, ctx);
}

/** Audit rows name the block, so the trail reads without joining. */
export function blockLabel(ctx: BlockContext): string {
  return `${ctx.year} ${ctx.block}`;
}

export function requireText(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new AppError('INVALID_INPUT', `${field} must not be empty`, { field });
  return trimmed;
}
