import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { goalContext, guard } from '../goals/goal-edit.context.ts';
import type { BlockContext } from '../goals/goal-edit.types.ts';
import { decideLink, linksBetween } from './link.repo.ts';
import { setLink } from './link.service.ts';
import { type BlockGoal, blockGoalIds, blockGoalList, continuesTouching } from './pairing.repo.ts';

export interface PairingChoice {
  /** A goal of a plan block (year Y). */
  planGoalId: number;
  /** The review goal of Y-1 it continues; null: it continues none (新規), the table pairs it by position. */
  reviewGoalId: number | null;
  /** The table the form was for: the plan goal must belong to it (checked after permission). */
  table?: { departmentId: number; year: number };
}

const DECIDED = new Set(['confirmed', 'manual']);

/**
 * An editor says which goal of last year a plan goal continues: the one 継続 link the 一覧表 pairs
 * by. Any other link into the plan goal, or out of the chosen review goal, is rejected (a goal
 * continues one way). Editable plan blocks only, like any change to the table; audited.
 */
export async function pairPlanGoal(db: Kysely<Database>, actor: Actor, choice: PairingChoice): Promise<void> {
  await inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, choice.planGoalId);
    await guard(trx, actor, ctx);
    const elsewhere =
      choice.table && (choice.table.departmentId !== ctx.departmentId || choice.table.year !== ctx.year);
    if (ctx.block !== 'plan' || elsewhere) {
      throw new AppError('INVALID_INPUT', `goal ${choice.planGoalId} is not a plan goal`, { field: 'goal' });
    }
    const touching = await continuesTouching(trx, choice);
    const before = touching.filter((l) => l.to_goal_id === choice.planGoalId).map((l) => l.from_goal_id);
    if (choice.reviewGoalId !== null) {
      // setLink checks the ends: a review goal of Y-1, same municipality, a department allowed to the actor.
      await setLink(trx, actor, {
        kind: 'continues',
        fromGoalId: choice.reviewGoalId,
        toGoalId: choice.planGoalId,
      });
    }
    const others = touching.filter(
      (l) => !(l.from_goal_id === choice.reviewGoalId && l.to_goal_id === choice.planGoalId),
    );
    for (const l of others) await decideLink(trx, l.id, { status: 'rejected', by: actor.login });
    await appendAudit(trx, actor, {
      action: 'lineage.pair',
      entityType: 'goal',
      entityId: choice.planGoalId,
      departmentId: ctx.departmentId,
      summary:
        choice.reviewGoalId === null
          ? `plan goal ${choice.planGoalId} (${ctx.year}) continues no goal of ${ctx.year - 1}`
          : `plan goal ${choice.planGoalId} (${ctx.year}) continues review goal ${choice.reviewGoalId}`,
      before: { continues: before },
      after: {
        continues: choice.reviewGoalId === null ? [] : [choice.reviewGoalId],
        rejected: others.map((l) => l.id),
      },
    });
  });
}

/**
 * Whether the 一覧表 this block appears in pairs some of its rows by position: the other half has
 * goals, and a goal of this block has no decided 継続 link to one of them. Moving a goal then
 * changes which goals stand side by side, which the editor is told.
 */
export async function pairsByPosition(db: Kysely<Database>, ctx: BlockContext): Promise<boolean> {
  const other =
    ctx.block === 'plan'
      ? { departmentId: ctx.departmentId, year: ctx.year - 1, block: 'review' as const }
      : { departmentId: ctx.departmentId, year: ctx.year + 1, block: 'plan' as const };
  const [own, theirs] = [await blockGoalIds(db, ctx), await blockGoalIds(db, other)];
  if (own.length === 0 || theirs.length === 0) return false;
  const [reviews, plans] = ctx.block === 'plan' ? [theirs, own] : [own, theirs];
  const links = (await linksBetween(db, reviews, plans)).filter(
    (l) =>
      l.kind === 'continues' && DECIDED.has(l.status) && l.from_item_id === null && l.to_item_id === null,
  );
  const linked = new Set(links.map((l) => (ctx.block === 'plan' ? l.to_goal_id : l.from_goal_id)));
  return own.some((id) => !linked.has(id));
}

/** pairsByPosition for the block of a goal (the move route knows only the goal). */
export async function goalPairsByPosition(db: Kysely<Database>, goalId: number): Promise<boolean> {
  return pairsByPosition(db, await goalContext(db, goalId));
}

export interface PairingChoices {
  /** Plan goals of the year, each with the review goal of last year it continues by a decided link. */
  plans: Array<BlockGoal & { continuesFrom: number | null }>;
  /** The review goals of last year (the left half of the same 一覧表). */
  reviews: BlockGoal[];
}

/** What the 「前年度との対応」 form offers: read only, the caller checks the reader may see the block. */
export async function pairingChoices(
  db: Kysely<Database>,
  departmentId: number,
  planYear: number,
): Promise<PairingChoices> {
  const plans = await blockGoalList(db, { departmentId, year: planYear, block: 'plan' });
  const reviews = await blockGoalList(db, { departmentId, year: planYear - 1, block: 'review' });
  const links = (
    await linksBetween(
      db,
      reviews.map((r) => r.id),
      plans.map((p) => p.id),
    )
  ).filter(
    (l) =>
      l.kind === 'continues' && DECIDED.has(l.status) && l.from_item_id === null && l.to_item_id === null,
  );
  return {
    plans: plans.map((p) => ({
      ...p,
      continuesFrom: links.find((l) => l.to_goal_id === p.id)?.from_goal_id ?? null,
    })),
    reviews,
  };
}
