import type { StoredGoal, StoredItem } from '../goals/goal.repo.ts';
import { type Candidate, greedyAssign } from './assign.ts';
import { dice, sameTitle } from './text.ts';

/** Below this a title (or the goal's item texts) is too unlike to be the same goal. */
const MIN_GOAL_SIMILARITY = 0.45;
/** Items under different numbers pair only on nearly the same text. */
const MIN_RENUMBERED_ITEM_SIMILARITY = 0.6;

const itemsText = (goal: StoredGoal): string => goal.items.map((i) => i.text).join(' ');

/**
 * How alike a plan goal and a review goal of the same year are: the same title (whitespace and width
 * folded) wins outright; otherwise the better of title similarity and item-text similarity (a title
 * reworded between the plan and the report keeps its items). The row number only breaks ties:
 * goals move between rows from one table to the next.
 */
export function goalSimilarity(plan: StoredGoal, review: StoredGoal): number {
  const tie = plan.no === review.no ? 0.05 : 0;
  if (sameTitle(plan.title, review.title)) return 3 + tie;
  const similarity = Math.max(dice(plan.title, review.title), 0.9 * dice(itemsText(plan), itemsText(review)));
  return similarity >= MIN_GOAL_SIMILARITY ? similarity + tie : 0;
}

export function pairGoals(plan: StoredGoal[], review: StoredGoal[]): Candidate<StoredGoal, StoredGoal>[] {
  const candidates: Candidate<StoredGoal, StoredGoal>[] = [];
  for (const p of plan) {
    for (const r of review) {
      const score = goalSimilarity(p, r);
      if (score > 0) candidates.push({ a: p, b: r, score });
    }
  }
  return greedyAssign(candidates);
}

/**
 * Items pair by their circled number, text similarity breaking ties (duplicate numbering). An item
 * renumbered between the plan and the report follows its text when that is clearly the better match:
 * the number is worth 0.5 of Dice, and a different number needs Dice ≥ 0.6.
 */
export function pairItems(plan: StoredItem[], review: StoredItem[]): Candidate<StoredItem, StoredItem>[] {
  const candidates: Candidate<StoredItem, StoredItem>[] = [];
  for (const p of plan) {
    for (const r of review) {
      const similarity = dice(p.text, r.text);
      if (p.no === r.no) candidates.push({ a: p, b: r, score: 0.5 + similarity });
      else if (similarity >= MIN_RENUMBERED_ITEM_SIMILARITY)
        candidates.push({ a: p, b: r, score: similarity });
    }
  }
  return greedyAssign(candidates);
}
