import type { MatchStatus } from '../../db/tables/evaluation.ts';
import type { StoredGoal, StoredItem } from '../goals/goal.repo.ts';
import { pairGoals, pairItems } from './match-goals.ts';
import { pairQuantities } from './match-quantities.ts';
import { type PreparedQuantity, prepareNote } from './prepare.ts';

export interface StoredMatchState {
  actualId: number | null;
  status: MatchStatus;
}

export interface Paired<T> {
  counterpart: T;
  score: number;
}

/** The plan block of a year read against the review block of the same year. */
export interface BlockMatch {
  /** plan goal id → its review goal */
  goals: Map<number, Paired<StoredGoal>>;
  /** plan item id → its review item */
  items: Map<number, Paired<StoredItem>>;
  /** quantity id (either block) → the quantity in its context */
  quantities: Map<number, PreparedQuantity>;
  /** target id → suggested actual, for targets without a stored match */
  suggestions: Map<number, { actualId: number; score: number }>;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Pairs goals (title, else similarity), then their items (number, similarity breaking ties), then
 * within each item pair the quantities (unit, sub-item, label, value). Targets that already have a
 * stored match are left alone, and actuals a stored match uses are not offered again.
 */
export function matchBlocks(
  plan: StoredGoal[],
  review: StoredGoal[],
  fiscalYear: number,
  stored: ReadonlyMap<number, StoredMatchState>,
): BlockMatch {
  const result: BlockMatch = {
    goals: new Map(),
    items: new Map(),
    quantities: new Map(),
    suggestions: new Map(),
  };
  const prepare = (item: StoredItem, note: string | null): PreparedQuantity[] => {
    const prepared = prepareNote(note, item.quantities, fiscalYear);
    for (const q of prepared) result.quantities.set(q.row.id, q);
    return prepared;
  };
  const claimed = new Set<number>();
  for (const s of stored.values())
    if (s.actualId !== null && s.status !== 'rejected') claimed.add(s.actualId);

  const pairedGoals = pairGoals(plan, review);
  for (const goal of plan) for (const item of goal.items) prepare(item, item.target);
  for (const goal of review) for (const item of goal.items) prepare(item, item.achievement);

  for (const g of pairedGoals) {
    result.goals.set(g.a.id, { counterpart: g.b, score: round3(g.score) });
    for (const i of pairItems(g.a.items, g.b.items)) {
      result.items.set(i.a.id, { counterpart: i.b, score: round3(i.score) });
      const targets = i.a.quantities
        .filter((q) => !stored.has(q.id))
        .map((q) => result.quantities.get(q.id))
        .filter((q): q is PreparedQuantity => q !== undefined);
      const actuals = i.b.quantities
        .filter((q) => !claimed.has(q.id))
        .map((q) => result.quantities.get(q.id))
        .filter((q): q is PreparedQuantity => q !== undefined);
      for (const p of pairQuantities(targets, actuals)) {
        result.suggestions.set(p.a.row.id, { actualId: p.b.row.id, score: round3(p.score) });
      }
    }
  }
  return result;
}
