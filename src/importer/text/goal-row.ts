/** One numbered row of the table: the review goal beside the plan goal. */
import type { Goal } from '../../format/document.schema.ts';
import type { GoalCells } from './classify.ts';
import type { Warn } from './drafts.ts';
import { SideBuilder } from './side-builder.ts';

export interface PendingTitles {
  review: string | undefined;
  plan: string | undefined;
  line: number;
}

export class GoalRow {
  private readonly review: SideBuilder;
  private readonly plan: SideBuilder;

  constructor(
    readonly no: number,
    titles: PendingTitles | undefined,
    warn: Warn,
  ) {
    this.review = new SideBuilder('review', no, warn);
    this.plan = new SideBuilder('plan', no, warn);
    if (titles?.review !== undefined) this.review.setTitleFromRow(titles.review, titles.line);
    if (titles?.plan !== undefined) this.plan.setTitleFromRow(titles.plan, titles.line);
  }

  /** Cells in table order, so a note is read after the item of its row. */
  addCells(cells: GoalCells, line: number): void {
    const [reviewItems, achievements, planItems, targets] = cells;
    this.review.addItemParagraphs(reviewItems, line);
    this.review.addNoteParagraphs(achievements, line);
    this.plan.addItemParagraphs(planItems, line);
    this.plan.addNoteParagraphs(targets, line);
  }

  build(): { review: Goal | undefined; plan: Goal | undefined } {
    return { review: this.review.build(), plan: this.plan.build() };
  }
}
