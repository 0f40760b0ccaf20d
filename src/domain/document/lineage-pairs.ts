import type { GoalLinkRow } from '../../db/tables/lineage.ts';
import type { Goal } from '../../format/document.schema.ts';

/**
 * Which review goal each plan goal of a loaded 一覧表 continues, by decided lineage. Kept beside
 * the document rather than in it: the interchange format (and every export of it) stays as it is,
 * and a goal copied or filtered out of a document simply loses its partner.
 */
const continues = new WeakMap<Goal, Goal>();

/** The review goal the table shows beside this plan goal by lineage, if a person or a copy decided one. */
export function lineagePartnerOf(plan: Goal): Goal | undefined {
  return continues.get(plan);
}

/**
 * Records the partners of one loaded table from its links: decided goal-to-goal 'continues' links
 * only (suggestions are not pairing), one partner per goal on each side, the earliest link first.
 */
export function recordLineagePairs(
  links: GoalLinkRow[],
  review: Map<number, Goal>,
  plan: Map<number, Goal>,
): void {
  const taken = new Set<Goal>();
  const decided = links
    .filter((l) => l.kind === 'continues' && (l.status === 'confirmed' || l.status === 'manual'))
    .filter((l) => l.from_item_id === null && l.to_item_id === null)
    .sort((a, b) => a.id - b.id);
  for (const l of decided) {
    const [r, p] = [review.get(l.from_goal_id), plan.get(l.to_goal_id)];
    if (!r || !p || taken.has(r) || taken.has(p)) continue;
    taken.add(r);
    taken.add(p);
    continues.set(p, r);
  }
}
