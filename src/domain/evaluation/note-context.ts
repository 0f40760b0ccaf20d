import { foldWidth } from '../../quantities/numbers.ts';
import { compact } from './text.ts';

/** What surrounds one quantity in its note: what the matcher compares besides value and unit. */
export interface QuantityContext {
  /** n of the `(n)` sub-item the quantity stands in, or null. */
  subItem: number | null;
  /** The words before it in its segment, without numbers, other quantities, dates and punctuation. */
  label: string;
  /** The word right after it (`増`, `削減`, `開設`), up to the next bracket or punctuation. */
  suffix: string;
  /** The words after it up to the next quantity or the segment's end (`…2名が市内に定住`). */
  trailer: string;
  segment: { start: number; end: number };
}

export interface Span {
  start: number;
  end: number;
}

const SUB_ITEM = /[(（]\s*(\d{1,2})\s*[)）]/g;
/** Bullets split a note only where they stand as bullets: `・` inside a word (`就労・増収者`) does not. */
const SEPARATOR = /(?:^|\s)・|・\s|[○◯●■□◆◇。、；;→\n]/g;
const NOT_A_WORD = /[\d\s.,%％()（）[\]［］「」『』【】・:：\-−→～~／/]+/g;

/** Separators as spans: a segment runs from the end of one to the start of the next. */
function separators(folded: string): Span[] {
  return [...folded.matchAll(SEPARATOR), ...folded.matchAll(SUB_ITEM)]
    .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
    .sort((a, b) => a.start - b.start);
}

function subItemAt(folded: string, position: number): number | null {
  let found: number | null = null;
  for (const m of folded.matchAll(SUB_ITEM)) {
    if ((m.index ?? 0) < position) found = Number(m[1]);
  }
  return found;
}

function blank(text: string, from: number, spans: Span[]): string {
  let out = text;
  for (const s of spans) {
    const a = Math.max(s.start - from, 0);
    const b = Math.min(s.end - from, out.length);
    if (b > a) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}

/**
 * The context of the quantity at `span` in `note`. `others` are the spans of the note's other
 * quantities and dates: blanked out so that `参加者 2,960人（うちアプリ版 1,740人）` labels the
 * second number `参加者うちアプリ版`, not `参加者人うちアプリ版`.
 */
export function contextOf(note: string, span: Span, others: Span[]): QuantityContext {
  const folded = foldWidth(note);
  const cuts = separators(folded);
  const start = cuts.filter((c) => c.end <= span.start).at(-1)?.end ?? 0;
  const end = cuts.find((c) => c.start >= span.end)?.start ?? folded.length;
  const before = blank(folded.slice(start, span.start), start, others);
  const after = folded.slice(span.end, end);
  const next = Math.min(end, ...others.filter((o) => o.start >= span.end).map((o) => o.start));
  const suffix = /^\s*([^\s(（)）[\]［］「」、。,.]{1,4})/.exec(after)?.[1] ?? '';
  return {
    subItem: subItemAt(folded, span.start),
    label: compact(before.replace(NOT_A_WORD, '')),
    suffix: compact(suffix),
    trailer: compact(folded.slice(span.end, next).replace(NOT_A_WORD, '')),
    segment: { start, end },
  };
}

function startsInsideNumber(note: string, start: number): boolean {
  return start > 0 && /[0-9０-９]/.test(note.charAt(start - 1));
}

/** Where a stored quantity stands in its note: its stored span, else its text found in the note. */
export function spanOf(
  note: string,
  q: { span_start: number | null; span_end: number | null; span_text: string | null },
): Span | null {
  const text = q.span_text;
  if (q.span_start !== null && q.span_end !== null && !startsInsideNumber(note, q.span_start)) {
    return { start: q.span_start, end: q.span_end };
  }
  if (!text) return null;
  // Spans of imported JSON were found by searching the note, which can land inside a longer number
  // (`2地区` in `12地区目`); the extractor never starts a quantity there, so neither do we.
  for (let at = note.indexOf(text); at >= 0; at = note.indexOf(text, at + 1)) {
    if (!startsInsideNumber(note, at)) return { start: at, end: at + text.length };
  }
  return null;
}
