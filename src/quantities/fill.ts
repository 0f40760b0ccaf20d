import type { IchiranDocument, Item, Quantity, YearBlock } from '../format/document.schema.ts';
import { type NoteKind, readNote } from './roles.ts';

/**
 * The interchange JSON carries no offsets: they only make sense next to the text they index. A target
 * text yields only what it promises (roles.ts); an achievement every figure.
 */
export function quantitiesOf(note: string | undefined, kind: NoteKind): Quantity[] {
  if (note === undefined) return [];
  return readNote(note, kind).map(({ value, unit, comparator, text }) => ({
    value,
    unit,
    comparator,
    text,
  }));
}

function fillBlock(block: YearBlock, noteOf: (item: Item) => string | undefined, kind: NoteKind): YearBlock {
  return {
    ...block,
    goals: block.goals.map((goal) => ({
      ...goal,
      items: goal.items.map((item) => ({ ...item, quantities: quantitiesOf(noteOf(item), kind) })),
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
    review: fillBlock(doc.review, (item) => item.achievement, 'actual'),
    plan: fillBlock(doc.plan, (item) => item.target, 'target'),
    warnings: [...doc.warnings],
  };
}
