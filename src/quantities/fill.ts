import type { IchiranDocument, Item, Quantity, YearBlock } from '../domain/document/document.schema.ts';
import { extractQuantities } from './extract.ts';

/** The interchange JSON carries no offsets: they only make sense next to the text they index. */
export function quantitiesOf(note: string | undefined): Quantity[] {
  if (note === undefined) return [];
  return extractQuantities(note).map(({ value, unit, comparator, text }) => ({
    value,
    unit,
    comparator,
    text,
  }));
}

function fillBlock(block: YearBlock, noteOf: (item: Item) => string | undefined): YearBlock {
  return {
    ...block,
    goals: block.goals.map((goal) => ({
      ...goal,
      items: goal.items.map((item) => ({ ...item, quantities: quantitiesOf(noteOf(item)) })),
    })),
  };
}

/**
 * A copy of `doc` in which every item has `quantities`, replacing any it had: the review year reads
 * them from 達成状況 (`achievement`), the plan year from 期限・数値目標等 (`target`).
 */
export function fillQuantities(doc: IchiranDocument): IchiranDocument {
  return {
    ...doc,
    review: fillBlock(doc.review, (item) => item.achievement),
    plan: fillBlock(doc.plan, (item) => item.target),
    warnings: [...doc.warnings],
  };
}
