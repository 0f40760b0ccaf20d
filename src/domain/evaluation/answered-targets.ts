import type { StoredGoal } from '../goals/goal.repo.ts';
import { pairGoals, pairItems } from './match-goals.ts';

/**
 * For each review item, the 期限・数値目標等 of the plan item it reports on ('' when that plan item has
 * no target), paired the way evaluation pairs them. Items with no plan counterpart are left out.
 */
export function answeredTargets(plan: StoredGoal[], review: StoredGoal[]): Map<number, string> {
  const answers = new Map<number, string>();
  for (const goals of pairGoals(plan, review)) {
    for (const items of pairItems(goals.a.items, goals.b.items)) {
      answers.set(items.b.id, items.a.target ?? '');
    }
  }
  return answers;
}
