import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GoalLinkRow, LinkKind } from '../../db/tables/lineage.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { lineageMembers } from '../organisation/department-lineage.ts';
import { type GoalRef, requireGoalRef } from './goal-ref.repo.ts';
import { findItemGoal } from './goal-texts.repo.ts';
import {
  decideLink,
  deleteLinks,
  findLinkByEnds,
  getLink,
  goalSuggestionsTouching,
  insertManualLink,
} from './link.repo.ts';
import type { LinkEnds } from './match.ts';

export interface LinkInput {
  kind: LinkKind;
  fromGoalId: number;
  fromItemId?: number | null;
  toGoalId: number;
  toItemId?: number | null;
}

/** Accepts a suggestion (or re-accepts a rejected one). */
export async function confirmLink(db: Kysely<Database>, actor: Actor, linkId: number): Promise<GoalLinkRow> {
  const link = await requireLink(db, linkId);
  await authorizeEnds(db, actor, link.from_goal_id, link.to_goal_id);
  const row = await decideLink(db, linkId, { status: 'confirmed', by: actor.login });
  await dropCompetingSuggestions(db, row);
  return row;
}

/** Rejects a link; the suggester will not offer these ends again. */
export async function rejectLink(db: Kysely<Database>, actor: Actor, linkId: number): Promise<GoalLinkRow> {
  const link = await requireLink(db, linkId);
  await authorizeEnds(db, actor, link.from_goal_id, link.to_goal_id);
  return decideLink(db, linkId, { status: 'rejected', by: actor.login });
}

/** A link a person draws: goal → goal, item → item, or goal → the item that absorbed it. */
export async function setLink(db: Kysely<Database>, actor: Actor, input: LinkInput): Promise<GoalLinkRow> {
  const ends: LinkEnds = {
    fromGoalId: input.fromGoalId,
    fromItemId: input.fromItemId ?? null,
    toGoalId: input.toGoalId,
    toItemId: input.toItemId ?? null,
  };
  const [from, to] = await authorizeEnds(db, actor, ends.fromGoalId, ends.toGoalId);
  validateShape(input.kind, ends, from, to);
  await requireItemOf(db, ends.fromItemId, from.goalId);
  await requireItemOf(db, ends.toItemId, to.goalId);
  const existing = await findLinkByEnds(db, ends);
  const row = existing
    ? await decideLink(db, existing.id, { status: 'manual', kind: input.kind, by: actor.login })
    : await insertManualLink(db, to.municipalityId, { ...ends, kind: input.kind }, actor.login);
  await dropCompetingSuggestions(db, row);
  return row;
}

async function requireLink(db: Kysely<Database>, id: number): Promise<GoalLinkRow> {
  const link = await getLink(db, id);
  if (!link) throw new AppError('NOT_FOUND', `no goal link ${id}`, { field: 'link' });
  return link;
}

/**
 * 'goal.edit' on the department that carries the goal on; also on the earlier goal's department,
 * unless that department is one of its predecessors (its work moved here in a 組織改編).
 */
async function authorizeEnds(
  db: Kysely<Database>,
  actor: Actor,
  fromGoalId: number,
  toGoalId: number,
): Promise<[GoalRef, GoalRef]> {
  const [from, to] = [await requireGoalRef(db, fromGoalId), await requireGoalRef(db, toGoalId)];
  authorize(actor, 'goal.edit', { municipalityId: to.municipalityId, departmentId: to.departmentId });
  if (from.municipalityId !== to.municipalityId) {
    throw new AppError('INVALID_INPUT', 'goals of two municipalities cannot be linked', { field: 'goal' });
  }
  if (from.departmentId !== to.departmentId) {
    const lineage = await lineageMembers(db, to.departmentId);
    if (!lineage.some((m) => m.id === from.departmentId)) {
      authorize(actor, 'goal.edit', { municipalityId: from.municipalityId, departmentId: from.departmentId });
    }
  }
  return [from, to];
}

function validateShape(kind: LinkKind, ends: LinkEnds, from: GoalRef, to: GoalRef): void {
  const fail = (message: string) => {
    throw new AppError('INVALID_INPUT', message, { field: 'kind' });
  };
  if (kind === 'same') {
    if (from.block !== 'plan' || to.block !== 'review' || from.fiscalYear !== to.fiscalYear) {
      fail("'same' links a plan goal of a year to the review goal of that same year");
    }
  } else if (from.block !== 'review' || to.block !== 'plan' || to.fiscalYear !== from.fiscalYear + 1) {
    fail(`'${kind}' links a review goal of year Y-1 to a plan goal of year Y`);
  }
  if (kind === 'absorbed' && (ends.fromItemId !== null || ends.toItemId === null)) {
    fail("'absorbed' links a whole goal to the item that took it over");
  }
  if (kind !== 'absorbed' && (ends.fromItemId === null) !== (ends.toItemId === null)) {
    fail('link goal to goal, or item to item');
  }
}

async function requireItemOf(db: Kysely<Database>, itemId: number | null, goalId: number): Promise<void> {
  if (itemId === null) return;
  const item = await findItemGoal(db, itemId);
  if (item?.goal_id !== goalId) {
    throw new AppError('INVALID_INPUT', `item ${itemId} is not an item of goal ${goalId}`, { field: 'item' });
  }
}

/** A goal continues one way: a decision retires the suggestions that said otherwise. */
async function dropCompetingSuggestions(db: Kysely<Database>, link: GoalLinkRow): Promise<void> {
  if (link.from_item_id !== null) return;
  const rows = await goalSuggestionsTouching(db, link);
  const competing = (r: GoalLinkRow): boolean => {
    if (link.kind === 'same') return r.kind === 'same' && r.to_item_id === null;
    if (r.kind === 'same') return false;
    // The earlier goal went this way, so not also into another goal or item.
    if (r.from_goal_id === link.from_goal_id) return true;
    // The later goal has its predecessor; other goals may still be absorbed into its items.
    return link.kind === 'continues' && r.kind === 'continues' && r.to_item_id === null;
  };
  await deleteLinks(
    db,
    rows.filter(competing).map((r) => r.id),
  );
}
