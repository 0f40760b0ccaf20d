import type { GoalLinkRow } from '../../db/tables/lineage.ts';
import type { Goal } from '../../format/document.schema.ts';

/**
 * Which review goal each plan goal of a loaded 一覧表 continues, by decided lineage: plan goal →
 * review goal, the goal objects of that loaded document. A field of the loaded table (LoadedTable
 * in document.service.ts), never of the document: the interchange format (and every export of it)
 * stays as it is, and a goal copied or filtered out of a document simply has no partner.
 */
export type LineagePairs = ReadonlyMap<Goal, Goal>;

/**
 * The partners of one loaded table from its links: decided goal-to-goal 'continues' links only
 * (suggestions are not pairing), one partner per goal on each side, the earliest link first.
 */
export function lineagePairsOf(
  links: GoalLinkRow[],
  review: ReadonlyMap<number, Goal>,
  plan: ReadonlyMap<number, Goal>,
): LineagePairs {
  const taken = new Set<Goal>();
  const continues = new Map<Goal, Goal>();
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
  return continues;
}
