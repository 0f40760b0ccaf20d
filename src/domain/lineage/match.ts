import type { LinkKind } from '../../db/tables/lineage.ts';
import {
  ABSORB_THRESHOLD,
  GOAL_THRESHOLD,
  type GoalText,
  goalScore,
  ITEM_THRESHOLD,
  type PreparedGoal,
  type PreparedItem,
  prepare,
} from './score.ts';
import { diceOf } from './similarity.ts';

export interface LinkEnds {
  fromGoalId: number;
  fromItemId: number | null;
  toGoalId: number;
  toItemId: number | null;
}

export interface SuggestedLink extends LinkEnds {
  kind: LinkKind;
  score: number;
}

export interface MatchConstraints {
  /** Links a person confirmed or set: their goals are not matched again, their items still are. */
  decided: Array<LinkEnds & { kind: LinkKind }>;
  /** Ends a person rejected (see linkKey): never suggested again. */
  rejected: Set<string>;
}

export function linkKey(l: LinkEnds): string {
  return `${l.fromGoalId}:${l.fromItemId ?? 0}>${l.toGoalId}:${l.toItemId ?? 0}`;
}

interface Candidate<T> {
  from: T;
  to: T;
  score: number;
  /** Tie-break: prefer pairs that kept their row. */
  distance: number;
}

/** Greedy one-to-one assignment: best score first, each side used once. */
function assign<T>(candidates: Candidate<T>[]): Candidate<T>[] {
  const sorted = [...candidates].sort((x, y) => y.score - x.score || x.distance - y.distance);
  const [usedFrom, usedTo] = [new Set<T>(), new Set<T>()];
  const chosen: Candidate<T>[] = [];
  for (const c of sorted) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    chosen.push(c);
  }
  return chosen;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

/**
 * Suggests links from the goals of one block to those of the next: goal to goal (one-to-one),
 * item to item inside each goal pair, and (for `continues`) goals left over to the item that absorbed them.
 */
export function suggestLinks(
  fromGoals: GoalText[],
  toGoals: GoalText[],
  kind: 'continues' | 'same',
  constraints: MatchConstraints = { decided: [], rejected: new Set() },
): SuggestedLink[] {
  const [from, to] = [prepare(fromGoals), prepare(toGoals)];
  const { decided, rejected } = constraints;
  const decidedPairs = decided.filter((d) => d.kind === kind && d.fromItemId === null && d.toItemId === null);
  const fixedFrom = new Set(decided.filter((d) => d.fromItemId === null).map((d) => d.fromGoalId));
  const fixedTo = new Set(decidedPairs.map((d) => d.toGoalId));
  const allowed = (ends: LinkEnds) => !rejected.has(linkKey(ends));

  const candidates: Candidate<PreparedGoal>[] = [];
  for (const f of from.filter((g) => !fixedFrom.has(g.goal.id))) {
    for (const t of to.filter((g) => !fixedTo.has(g.goal.id))) {
      const ends = { fromGoalId: f.goal.id, fromItemId: null, toGoalId: t.goal.id, toItemId: null };
      const score = goalScore(f, t);
      if (score >= GOAL_THRESHOLD && allowed(ends)) {
        candidates.push({ from: f, to: t, score, distance: Math.abs(f.index - t.index) });
      }
    }
  }
  const links: SuggestedLink[] = [];
  const paired: Array<[PreparedGoal, PreparedGoal]> = [];
  for (const c of assign(candidates)) {
    links.push({
      kind,
      fromGoalId: c.from.goal.id,
      fromItemId: null,
      toGoalId: c.to.goal.id,
      toItemId: null,
      score: round(c.score),
    });
    paired.push([c.from, c.to]);
  }
  for (const d of decidedPairs) {
    const [f, t] = [from.find((g) => g.goal.id === d.fromGoalId), to.find((g) => g.goal.id === d.toGoalId)];
    if (f && t) paired.push([f, t]);
  }
  for (const [f, t] of paired) links.push(...itemLinks(f, t, kind, allowed));
  if (kind === 'continues') {
    const pairedFrom = new Set(paired.map(([f]) => f.goal.id));
    const leftOver = from.filter((g) => !pairedFrom.has(g.goal.id) && !fixedFrom.has(g.goal.id));
    links.push(...absorbedLinks(leftOver, to, allowed));
  }
  return links;
}

function itemLinks(
  f: PreparedGoal,
  t: PreparedGoal,
  kind: LinkKind,
  allowed: (ends: LinkEnds) => boolean,
): SuggestedLink[] {
  const candidates: Candidate<PreparedItem>[] = [];
  for (const [i, a] of f.items.entries()) {
    for (const [j, b] of t.items.entries()) {
      const ends = { fromGoalId: f.goal.id, fromItemId: a.item.id, toGoalId: t.goal.id, toItemId: b.item.id };
      const score = diceOf(a.grams, b.grams);
      if (score >= ITEM_THRESHOLD && allowed(ends))
        candidates.push({ from: a, to: b, score, distance: Math.abs(i - j) });
    }
  }
  return assign(candidates).map((c) => ({
    kind,
    fromGoalId: f.goal.id,
    fromItemId: c.from.item.id,
    toGoalId: t.goal.id,
    toItemId: c.to.item.id,
    score: round(c.score),
  }));
}

function absorbedLinks(
  leftOver: PreparedGoal[],
  to: PreparedGoal[],
  allowed: (ends: LinkEnds) => boolean,
): SuggestedLink[] {
  const links: SuggestedLink[] = [];
  for (const f of leftOver) {
    let best: SuggestedLink | undefined;
    for (const t of to) {
      for (const b of t.items) {
        const ends = { fromGoalId: f.goal.id, fromItemId: null, toGoalId: t.goal.id, toItemId: b.item.id };
        const score = diceOf(f.whole, b.grams);
        // Rejecting goal → goal also says the goal did not live on inside that goal's items.
        const goalRejected = !allowed({ ...ends, toItemId: null });
        if (score >= ABSORB_THRESHOLD && score > (best?.score ?? 0) && allowed(ends) && !goalRejected) {
          best = { kind: 'absorbed', ...ends, score };
        }
      }
    }
    if (best) links.push({ ...best, score: round(best.score) });
  }
  return links;
}
