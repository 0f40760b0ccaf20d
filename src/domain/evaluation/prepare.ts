import type { QuantityRow } from '../../db/schema.ts';
import { indicatorNameOf } from '../../quantities/indicator-name.ts';
import { type AsOf, findAsOfs, nearestAsOf } from './as-of.ts';
import { contextOf, type QuantityContext, type Span, spanOf } from './note-context.ts';
import { canonicalUnit } from './units.ts';

/** A stored quantity with what the matcher and the evaluation read around it. */
export interface PreparedQuantity {
  row: QuantityRow;
  unit: string;
  context: QuantityContext;
  /** Position among the note's quantities of the same unit. */
  ordinal: number;
  /** The as-of date written next to it, if any. */
  asOf: AsOf | undefined;
  /** A target's indicator name read cleanly from its note, or null (never a fragment). */
  name: string | null;
}

const NO_CONTEXT = (length: number): QuantityContext => ({
  subItem: null,
  label: '',
  suffix: '',
  trailer: '',
  segment: { start: 0, end: length },
});

/** Reads every quantity of one note (a target or an achievement) in its context. */
export function prepareNote(
  note: string | null,
  rows: QuantityRow[],
  fiscalYear: number,
): PreparedQuantity[] {
  const text = note ?? '';
  const dates = findAsOfs(text, fiscalYear);
  const spans = rows.map((q) => spanOf(text, q));
  const dateSpans: Span[] = dates.map((d) => ({ start: d.start, end: d.end }));
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const span = spans[i] ?? null;
    const others = [...spans.filter((s, j): s is Span => s !== null && j !== i), ...dateSpans];
    const context = span ? contextOf(text, span, others) : NO_CONTEXT(text.length);
    const unit = canonicalUnit(row.unit);
    const ordinal = seen.get(unit) ?? 0;
    seen.set(unit, ordinal + 1);
    return {
      row,
      unit,
      context,
      ordinal,
      asOf: span ? nearestAsOf(dates, context.segment, span.start) : undefined,
      name: span && row.kind === 'target' ? indicatorNameOf(text, span, others) : null,
    };
  });
}
