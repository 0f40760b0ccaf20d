import type { LineagePairs } from '../domain/document/lineage-pairs.ts';
import type { Block, Goal, IchiranDocument, Item } from '../format/document.schema.ts';

/** One numbered row of the form: a review goal beside the plan goal it leads to; either may be missing. */
export interface GoalPair {
  no: number;
  review: Goal | undefined;
  plan: Goal | undefined;
}

/**
 * The rows of the form. A plan goal stands beside the review goal it continues by decided lineage
 * (a copy's link or an editor's choice), so reordering either block never re-pairs them; goals
 * without such a link fall back to position: the review goal and the plan goal of the same number.
 * A row takes its plan goal's number; a review goal alone keeps its own unless a plan goal has it.
 */
export function pairGoals(doc: IchiranDocument, lineagePairs: LineagePairs = new Map()): GoalPair[] {
  const reviews = new Set(doc.review.goals);
  const linked = new Map<Goal, Goal>();
  for (const plan of doc.plan.goals) {
    const partner = lineagePairs.get(plan);
    if (partner && reviews.has(partner)) linked.set(partner, plan);
  }
  const unlinkedReview = doc.review.goals.filter((g) => !linked.has(g));
  const rows: Array<{ review: Goal | undefined; plan: Goal | undefined }> = [];
  for (const plan of doc.plan.goals) {
    const partner = lineagePairs.get(plan);
    if (partner && linked.get(partner) === plan) {
      rows.push({ review: partner, plan });
      continue;
    }
    const index = unlinkedReview.findIndex((g) => g.no === plan.no);
    const [review] = index < 0 ? [undefined] : unlinkedReview.splice(index, 1);
    rows.push({ review, plan });
  }
  const taken = new Set(rows.map((r) => r.plan?.no));
  let next = Math.max(0, ...doc.plan.goals.map((g) => g.no), ...doc.review.goals.map((g) => g.no));
  const numbered: GoalPair[] = rows.map((r) => ({ no: r.plan?.no ?? 0, ...r }));
  for (const review of unlinkedReview) {
    const no = taken.has(review.no) ? ++next : review.no;
    taken.add(no);
    numbered.push({ no, review, plan: undefined });
  }
  return numbered.sort((a, b) => a.no - b.no);
}

/** Number of item lines a row needs: items of the two sides are aligned by position. */
export function itemLineCount(pair: GoalPair): number {
  return Math.max(pair.review?.items.length ?? 0, pair.plan?.items.length ?? 0);
}

/** The note column of an item: 達成状況・達成度 on the review side, 期限・数値目標等 on the plan side. */
export function noteOf(item: Item, block: Block): string | undefined {
  return block === 'review' ? item.achievement : item.target;
}
