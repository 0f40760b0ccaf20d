import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import {
  afterChange,
  blockLabel,
  goalContext,
  guard,
  guardedBlock,
  requireText,
} from './goal-edit.context.ts';
import {
  blockGoals,
  deleteGoalIfVersion,
  goalItems,
  goalSnapshot,
  insertGoal,
  setGoalOrder,
  updateGoalIfVersion,
} from './goal-edit.repo.ts';
import { type BlockAddress, type Direction, type GoalSnapshot, StaleError } from './goal-edit.types.ts';
import { neighbourIndex, renumberedAfterRemoval } from './order.ts';

export { copyPlanToNextYear, startYearEndReport } from './block-copy.service.ts';
export { itemSnapshot } from './goal-edit.repo.ts';
export { createItem, editItem } from './item-edit.service.ts';
export { deleteItem, moveItem } from './item-order.service.ts';
export { addQuantity, correctQuantity, removeQuantity } from './quantity-edit.service.ts';

const staleGoal = async (db: Kysely<Database>, id: number) =>
  new StaleError({ entity: 'goal', goal: await goalSnapshot(db, id) });

/** Appends a goal at the end of a block (creating the block, and its fiscal year, when it is new). */
export async function createGoal(
  db: Kysely<Database>,
  actor: Actor,
  input: BlockAddress & { title: string },
): Promise<GoalSnapshot> {
  const title = requireText(input.title, 'title');
  return inTransaction(db, async (trx) => {
    const ctx = await guardedBlock(trx, actor, input, { create: true });
    const goals = await blockGoals(trx, ctx);
    const no = Math.max(0, ...goals.map((g) => g.no)) + 1;
    const position = Math.max(-1, ...goals.map((g) => g.position)) + 1;
    const now = nowIso();
    const id = await insertGoal(trx, {
      department_id: ctx.departmentId,
      fiscal_year_id: ctx.fiscalYearId,
      block: ctx.block,
      no,
      position,
      title,
      source_document_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    const after: GoalSnapshot = { id, no, position, title, version: 1 };
    await appendAudit(trx, actor, {
      action: 'goal.create',
      entityType: 'goal',
      entityId: id,
      departmentId: ctx.departmentId,
      summary: `goal ${no} added to ${blockLabel(ctx)}`,
      after,
    });
    await afterChange(trx, ctx);
    return after;
  });
}

export async function editGoal(
  db: Kysely<Database>,
  actor: Actor,
  input: { goalId: number; version: number; title: string },
): Promise<GoalSnapshot> {
  const title = requireText(input.title, 'title');
  return inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, input.goalId);
    await guard(trx, actor, ctx);
    const before = await goalSnapshot(trx, input.goalId);
    if (!(await updateGoalIfVersion(trx, input.goalId, input.version, { title }))) {
      throw await staleGoal(trx, input.goalId);
    }
    const after = await goalSnapshot(trx, input.goalId);
    await appendAudit(trx, actor, {
      action: 'goal.update',
      entityType: 'goal',
      entityId: input.goalId,
      departmentId: ctx.departmentId,
      summary: `goal ${before?.no} of ${blockLabel(ctx)} retitled`,
      before,
      after,
    });
    await afterChange(trx, ctx);
    return after as GoalSnapshot;
  });
}

/** Deletes a goal with its items; the goals after it move up a row when the rows were numbered 1..n. */
/** What deleting a goal would remove, for its confirmation page: the goal as stored and its item count. */
export async function goalDeletion(
  db: Kysely<Database>,
  goalId: number,
): Promise<{ goal: GoalSnapshot; itemCount: number } | null> {
  const goal = await goalSnapshot(db, goalId);
  if (!goal) return null;
  return { goal, itemCount: (await goalItems(db, goalId)).length };
}

export async function deleteGoal(
  db: Kysely<Database>,
  actor: Actor,
  input: { goalId: number; version: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, input.goalId);
    await guard(trx, actor, ctx);
    const goals = await blockGoals(trx, ctx);
    const before = goals.find((g) => g.id === input.goalId);
    if (!(await deleteGoalIfVersion(trx, input.goalId, input.version))) {
      throw await staleGoal(trx, input.goalId);
    }
    for (const g of renumberedAfterRemoval(goals, input.goalId)) {
      await setGoalOrder(trx, g.id, g.no, g.position);
    }
    await appendAudit(trx, actor, {
      action: 'goal.delete',
      entityType: 'goal',
      entityId: input.goalId,
      departmentId: ctx.departmentId,
      summary: `goal ${before?.no} deleted from ${blockLabel(ctx)}`,
      before,
    });
    await afterChange(trx, ctx);
  });
}

/** Swaps a goal with its neighbour: order and row number. At the edge it is a no-op. */
export async function moveGoal(
  db: Kysely<Database>,
  actor: Actor,
  input: { goalId: number; version: number; direction: Direction },
): Promise<GoalSnapshot> {
  return inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, input.goalId);
    await guard(trx, actor, ctx);
    const goals = await blockGoals(trx, ctx);
    const index = goals.findIndex((g) => g.id === input.goalId);
    const moved = goals[index];
    const other = goals[neighbourIndex(goals.length, index, input.direction)];
    if (!moved || moved.version !== input.version) throw await staleGoal(trx, input.goalId);
    if (!other || other.id === moved.id) return moved;
    const at = { no: other.no, position: other.position };
    if (!(await updateGoalIfVersion(trx, moved.id, input.version, at))) {
      throw await staleGoal(trx, input.goalId);
    }
    await setGoalOrder(trx, other.id, moved.no, moved.position);
    await appendAudit(trx, actor, {
      action: 'goal.move',
      entityType: 'goal',
      entityId: moved.id,
      departmentId: ctx.departmentId,
      summary: `goal ${moved.no} of ${blockLabel(ctx)} moved ${input.direction} to ${other.no}`,
      before: { no: moved.no, position: moved.position },
      after: at,
    });
    await afterChange(trx, ctx);
    return (await goalSnapshot(trx, moved.id)) as GoalSnapshot;
  });
}
