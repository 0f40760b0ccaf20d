import type { Kysely } from 'kysely';
import type { Database, QuantityKind } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { comparatorSchema } from '../../format/document.schema.ts';
import { isQuantityValue, QUANTITY_RANGE_MESSAGE } from '../../format/quantity-range.ts';
import { refreshGrades } from '../../search/grade-index.ts';
import type { AuditAction } from '../audit/actions.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { blockLabel, goalContext, guard, itemGoalId } from './goal-edit.context.ts';
import { itemSnapshot, updateItemIfVersion } from './goal-edit.repo.ts';
import type { BlockContext, ItemSnapshot, QuantityInput } from './goal-edit.types.ts';
import { StaleError } from './goal-edit.types.ts';
import {
  deleteQuantities,
  deleteQuantity,
  insertQuantity,
  moveQuantitySpan,
  setManualQuantity,
  storedQuantities,
} from './quantity.repo.ts';
import { reconcileQuantities } from './quantity-reconcile.ts';

export const kindOf = (ctx: BlockContext): QuantityKind => (ctx.block === 'plan' ? 'target' : 'actual');

/** Re-reads a saved note's quantities, keeping manual ones and the ids of those that still match. */
export async function refreshQuantities(
  trx: Kysely<Database>,
  itemId: number,
  ctx: BlockContext,
  oldNote: string,
  newNote: string,
): Promise<void> {
  const kind = kindOf(ctx);
  const stored = await storedQuantities(trx, itemId, kind);
  const plan = reconcileQuantities(oldNote, newNote, stored, kind);
  await deleteQuantities(trx, plan.remove);
  for (const k of plan.keep) {
    await moveQuantitySpan(trx, k.id, k);
  }
  for (const q of plan.insert) {
    await insertQuantity(trx, {
      item_id: itemId,
      kind,
      position: q.position,
      value: q.value,
      unit: q.unit,
      comparator: q.comparator,
      span_text: q.spanText,
      span_start: q.spanStart,
      span_end: q.spanEnd,
      origin: 'extracted',
    });
  }
}

function checkQuantity(input: QuantityInput): QuantityInput {
  const unit = input.unit.trim();
  if (!Number.isFinite(input.value))
    throw new AppError('INVALID_INPUT', 'value must be a number', { field: 'value' });
  if (!isQuantityValue(input.value))
    throw new AppError('INVALID_INPUT', QUANTITY_RANGE_MESSAGE, { field: 'value' });
  if (unit === '') throw new AppError('INVALID_INPUT', 'unit must not be empty', { field: 'unit' });
  const comparator = comparatorSchema.safeParse(input.comparator);
  if (!comparator.success) throw new AppError('INVALID_INPUT', 'unknown comparator', { field: 'comparator' });
  return { value: input.value, unit, comparator: comparator.data };
}

/**
 * Quantities belong to their item: every change is checked against, and bumps, the item's version,
 * so the page that listed them cannot overwrite a newer list.
 */
async function withItem(
  db: Kysely<Database>,
  actor: Actor,
  input: { itemId: number; itemVersion: number },
  action: AuditAction,
  change: (trx: Kysely<Database>, ctx: BlockContext, before: ItemSnapshot) => Promise<string>,
): Promise<ItemSnapshot> {
  return inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, await itemGoalId(trx, input.itemId));
    await guard(trx, actor, ctx);
    const before = await itemSnapshot(trx, input.itemId, ctx.block);
    if (!before || !(await updateItemIfVersion(trx, input.itemId, input.itemVersion, {}))) {
      // Read again: a save that committed while we waited for the row is what the user must see.
      throw new StaleError({ entity: 'item', item: await itemSnapshot(trx, input.itemId, ctx.block) });
    }
    const summary = await change(trx, ctx, before);
    // The texts did not change, so the search entries stay; the grades follow the numbers.
    await refreshGrades(trx, ctx);
    const after = (await itemSnapshot(trx, input.itemId, ctx.block)) as ItemSnapshot;
    await appendAudit(trx, actor, {
      action,
      entityType: 'item',
      entityId: input.itemId,
      departmentId: ctx.departmentId,
      summary: `${summary} (item ${before.no}, ${blockLabel(ctx)})`,
      before: before.quantities,
      after: after.quantities,
    });
    return after;
  });
}

/** The quantity must be one of this item's; checked after the version, so a stale page hears STALE. */
function assertOwnQuantity(before: ItemSnapshot, quantityId: number): void {
  if (!before.quantities.some((q) => q.id === quantityId)) {
    throw new AppError('NOT_FOUND', `no quantity ${quantityId} on item ${before.id}`, { field: 'quantity' });
  }
}

/** An editor's correction of a quantity: it becomes manual and survives later re-reading of the note. */
export async function correctQuantity(
  db: Kysely<Database>,
  actor: Actor,
  input: QuantityInput & { itemId: number; itemVersion: number; quantityId: number },
): Promise<ItemSnapshot> {
  const values = checkQuantity(input);
  return withItem(db, actor, input, 'quantity.correct', async (trx, _ctx, before) => {
    assertOwnQuantity(before, input.quantityId);
    await setManualQuantity(trx, input.quantityId, values);
    return `quantity corrected to ${values.value}${values.unit} ${values.comparator}`;
  });
}

export async function addQuantity(
  db: Kysely<Database>,
  actor: Actor,
  input: QuantityInput & { itemId: number; itemVersion: number },
): Promise<ItemSnapshot> {
  const values = checkQuantity(input);
  return withItem(db, actor, input, 'quantity.add', async (trx, ctx, before) => {
    await insertQuantity(trx, {
      ...values,
      item_id: input.itemId,
      kind: kindOf(ctx),
      position: before.quantities.length,
      span_text: null,
      span_start: null,
      span_end: null,
      origin: 'manual',
    });
    return `quantity ${values.value}${values.unit} ${values.comparator} added`;
  });
}

export async function removeQuantity(
  db: Kysely<Database>,
  actor: Actor,
  input: { itemId: number; itemVersion: number; quantityId: number },
): Promise<ItemSnapshot> {
  return withItem(db, actor, input, 'quantity.remove', async (trx, _ctx, before) => {
    assertOwnQuantity(before, input.quantityId);
    await deleteQuantity(trx, input.quantityId);
    return 'quantity removed';
  });
}
