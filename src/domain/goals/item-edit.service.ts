import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { afterChange, blockLabel, goalContext, guard, itemGoalId, requireText } from './goal-edit.context.ts';
import { goalItems, insertItem, itemSnapshot, updateItemIfVersion } from './goal-edit.repo.ts';
import { type BlockContext, type ItemSnapshot, StaleError, type UnitChoice } from './goal-edit.types.ts';
import { refreshQuantities } from './quantity-edit.service.ts';
import { resolveUnit } from './unit-choice.ts';

export interface ItemFields {
  /** Circled number (① = 1); left out on create: the next free number. */
  no?: number;
  unit: UnitChoice;
  text: string;
  /** Target (plan block) or achievement (review block). */
  note: string;
}

const noteColumns = (ctx: BlockContext, note: string | null) =>
  ctx.block === 'plan' ? { target: note } : { achievement: note };

function checkNo(no: number | undefined): number | undefined {
  if (no !== undefined && (!Number.isInteger(no) || no < 1 || no > 99)) {
    throw new AppError('INVALID_INPUT', 'item number must be 1–99', { field: 'no' });
  }
  return no;
}

const stale = async (db: Kysely<Database>, id: number, ctx: BlockContext) =>
  new StaleError({ entity: 'item', item: await itemSnapshot(db, id, ctx.block) });

export async function createItem(
  db: Kysely<Database>,
  actor: Actor,
  input: ItemFields & { goalId: number },
): Promise<ItemSnapshot> {
  const text = requireText(input.text, 'text');
  checkNo(input.no);
  return inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, input.goalId);
    await guard(trx, actor, ctx);
    const items = await goalItems(trx, input.goalId);
    const note = input.note.trim() || null;
    const now = nowIso();
    const id = await insertItem(trx, {
      goal_id: input.goalId,
      no: input.no ?? Math.max(0, ...items.map((i) => i.no)) + 1,
      position: Math.max(-1, ...items.map((i) => i.position)) + 1,
      unit_id: await resolveUnit(trx, ctx, input.unit),
      text,
      target: null,
      achievement: null,
      ...noteColumns(ctx, note),
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await refreshQuantities(trx, id, ctx, '', note ?? '');
    const after = (await itemSnapshot(trx, id, ctx.block)) as ItemSnapshot;
    await appendAudit(trx, actor, {
      action: 'item.create',
      entityType: 'item',
      entityId: id,
      departmentId: ctx.departmentId,
      summary: `item ${after.no} added to goal ${input.goalId} (${blockLabel(ctx)})`,
      after,
    });
    await afterChange(trx, ctx);
    return after;
  });
}

/** Saves number, sub-unit, text and note; a changed note has its quantities read again. */
export async function editItem(
  db: Kysely<Database>,
  actor: Actor,
  input: ItemFields & { itemId: number; version: number },
): Promise<ItemSnapshot> {
  const text = requireText(input.text, 'text');
  const no = checkNo(input.no);
  return inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, await itemGoalId(trx, input.itemId));
    await guard(trx, actor, ctx);
    const before = await itemSnapshot(trx, input.itemId, ctx.block);
    const note = input.note.trim() || null;
    const written = await updateItemIfVersion(trx, input.itemId, input.version, {
      ...(no === undefined ? {} : { no }),
      unit_id: await resolveUnit(trx, ctx, input.unit),
      text,
      ...noteColumns(ctx, note),
    });
    if (!before || !written) throw await stale(trx, input.itemId, ctx);
    if ((before.note ?? '') !== (note ?? '')) {
      await refreshQuantities(trx, input.itemId, ctx, before.note ?? '', note ?? '');
    }
    const after = (await itemSnapshot(trx, input.itemId, ctx.block)) as ItemSnapshot;
    await appendAudit(trx, actor, {
      action: 'item.update',
      entityType: 'item',
      entityId: input.itemId,
      departmentId: ctx.departmentId,
      summary: `item ${after.no} of goal ${after.goalId} (${blockLabel(ctx)}) edited`,
      before,
      after,
    });
    await afterChange(trx, ctx);
    return after;
  });
}
