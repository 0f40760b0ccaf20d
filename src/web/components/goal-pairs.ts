import type { Block, Goal, IchiranDocument, Item } from '../../domain/document/document.schema.ts';

/** Row k of the form: review goal no=k beside plan goal no=k; either may be missing. */
export interface GoalPair {
  no: number;
  review: Goal | undefined;
  plan: Goal | undefined;
}

export function pairGoals(doc: IchiranDocument): GoalPair[] {
  const nos = new Set<number>();
  for (const g of doc.review.goals) nos.add(g.no);
  for (const g of doc.plan.goals) nos.add(g.no);
  return [...nos]
    .sort((a, b) => a - b)
    .map((no) => ({
      no,
      review: doc.review.goals.find((g) => g.no === no),
      plan: doc.plan.goals.find((g) => g.no === no),
    }));
}

/** Number of item lines a row needs: items of the two sides are aligned by position. */
export function itemLineCount(pair: GoalPair): number {
  return Math.max(pair.review?.items.length ?? 0, pair.plan?.items.length ?? 0);
}

/** The note column of an item: 達成状況・達成度 on the review side, 期限・数値目標等 on the plan side. */
export function noteOf(item: Item, block: Block): string | undefined {
  return block === 'review' ? item.achievement : item.target;
}
