import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { afterChange, blockLabel, goalContext, guard, itemGoalId } from './goal-edit.context.ts';
import {
  deleteItemIfVersion,
  goalItems,
  itemSnapshot,
  setItemOrder,
  updateItemIfVersion,
} from './goal-edit.repo.ts';
import { type BlockContext, type Direction, type ItemSnapshot, StaleError } from './goal-edit.types.ts';
import { neighbourIndex, renumberedAfterRemoval } from './order.ts';

const stale = async (db: Kysely<Database>, id: number, ctx: BlockContext) =>
  new StaleError({ entity: 'item', item: await itemSnapshot(db, id, ctx.block) });

/** Deletes an item; the items after it close the gap when they were numbered ①..ⓝ. */
export async function deleteItem(
  db: Kysely<Database>,
  actor: Actor,
  input: { itemId: number; version: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const goalId = await itemGoalId(trx, input.itemId);
    const ctx = await goalContext(trx, goalId);
    await guard(trx, actor, ctx);
    const before = await itemSnapshot(trx, input.itemId, ctx.block);
    const siblings = await goalItems(trx, goalId);
    if (!(await deleteItemIfVersion(trx, input.itemId, input.version))) {
      throw await stale(trx, input.itemId, ctx);
    }
    for (const i of renumberedAfterRemoval(siblings, input.itemId)) {
      await setItemOrder(trx, i.id, i.no, i.position);
    }
    await appendAudit(trx, actor, {
      action: 'item.delete',
      entityType: 'item',
      entityId: input.itemId,
      departmentId: ctx.departmentId,
      summary: `item ${before?.no} deleted from goal ${goalId} (${blockLabel(ctx)})`,
      before,
    });
    await afterChange(trx, ctx);
  });
}

/** Swaps an item with its neighbour, numbers included, so ①②③ stay in reading order. */
export async function moveItem(
  db: Kysely<Database>,
  actor: Actor,
  input: { itemId: number; version: number; direction: Direction },
): Promise<ItemSnapshot> {
  return inTransaction(db, async (trx) => {
    const goalId = await itemGoalId(trx, input.itemId);
    const ctx = await goalContext(trx, goalId);
    await guard(trx, actor, ctx);
    const items = await goalItems(trx, goalId);
    const index = items.findIndex((i) => i.id === input.itemId);
    const moved = items[index];
    const other = items[neighbourIndex(items.length, index, input.direction)];
    if (!moved || moved.version !== input.version) throw await stale(trx, input.itemId, ctx);
    if (other && other.id !== moved.id) {
      const at = { no: other.no, position: other.position };
      if (!(await updateItemIfVersion(trx, moved.id, input.version, at))) {
        throw await stale(trx, input.itemId, ctx);
      }
      await setItemOrder(trx, other.id, moved.no, moved.position);
      await appendAudit(trx, actor, {
        action: 'item.move',
        entityType: 'item',
        entityId: moved.id,
        departmentId: ctx.departmentId,
        summary: `item ${moved.no} of goal ${goalId} (${blockLabel(ctx)}) moved ${input.direction}`,
        before: { no: moved.no, position: moved.position },
        after: at,
      });
      await afterChange(trx, ctx);
    }
    return (await itemSnapshot(trx, moved.id, ctx.block)) as ItemSnapshot;
  });
}
