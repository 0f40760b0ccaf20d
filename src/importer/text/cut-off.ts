/**
 * A text that was cut off (a copy stopped early, a file saved half-way) often still parses: the
 * last row simply has fewer cells. Nothing is lost that could be recovered, but the person must be
 * told, naming the line, so that they import the whole file. Only the last line of the text is
 * judged: a complete document never ends inside a row.
 */
import type { Body } from './assemble.ts';
import { classifyLine } from './classify.ts';
import type { Warn } from './drafts.ts';
import { hasMarkup, splitCells } from './paragraphs.ts';

/** Row number, review items, achievements, plan items, targets. */
const ROW_CELLS = 5;
const CUT = 'the file may be cut off';
const paragraphEnd = /<\/p\s*>$/i;

function lastLineIndex(lines: readonly string[], from: number): number | undefined {
  for (let i = lines.length - 1; i >= from; i--) if ((lines[i] ?? '').trim() !== '') return i;
  return undefined;
}

/**
 * The last goal when the text stopped right after its title: it has a title and no item on either
 * side (one side without items is a real layout: a goal new this year has no review items).
 */
function titleOnly(body: Body): { no: number; side: 'review' | 'plan' } | undefined {
  const review = body.review.at(-1);
  const plan = body.plan.at(-1);
  const no = Math.max(review?.no ?? 0, plan?.no ?? 0);
  const last = [review, plan].filter((g) => g?.no === no);
  if (last.length === 0 || last.some((g) => (g?.items.length ?? 0) > 0)) return undefined;
  const titled = last.find((g) => g?.title !== '');
  if (!titled) return undefined;
  return { no, side: titled === plan ? 'plan' : 'review' };
}

/** How a complete goal row of each layout ends, as extraction writes it (the seed's rows do). */
function endsComplete(raw: string): boolean {
  return hasMarkup(raw)
    ? raw.endsWith('</p>') || raw.endsWith('</P>')
    : splitCells(raw).length > ROW_CELLS && raw.endsWith('\t');
}

/**
 * True when every other goal row of the same layout (tab or <p>) ends as a complete row does —
 * a tab row with a tab after its last cell, a <p> row right after its last </p> — and the last
 * row does not: its last cell was cut.
 */
function endsUnlikeOthers(lines: readonly string[], from: number, last: number): boolean {
  const raw = lines[last] ?? '';
  if (endsComplete(raw)) return false;
  const markup = hasMarkup(raw);
  let rows = 0;
  for (let i = from; i < last; i++) {
    const other = lines[i] ?? '';
    if (splitCells(other).length < ROW_CELLS || hasMarkup(other) !== markup) continue;
    // Column headers are written without the trailing tab; only goal rows set the convention.
    if (classifyLine(other, i + 1).kind !== 'goalRow') continue;
    if (!endsComplete(other)) return false;
    rows += 1;
  }
  return rows > 0;
}

export function warnIfCutOff(lines: readonly string[], from: number, body: Body, warn: Warn): void {
  const index = lastLineIndex(lines, from);
  if (index === undefined) return;
  const raw = lines[index] ?? '';
  const line = index + 1;
  const kind = classifyLine(raw, line).kind;
  if (kind !== 'goalRow' && kind !== 'titleRow') return;
  const cells = splitCells(raw).length;
  if (hasMarkup(raw) && !paragraphEnd.test(raw.trimEnd())) {
    warn(`the text ends inside a paragraph on line ${line} (a <p> without its </p>); ${CUT}`, line);
  } else if (kind === 'goalRow' && (cells < ROW_CELLS || endsUnlikeOthers(lines, from, index))) {
    warn(`the text ends mid-row on line ${line}: ${cells} of the ${ROW_CELLS} columns; ${CUT}`, line);
  } else {
    const goal = titleOnly(body);
    if (goal) {
      warn(
        `goal ${goal.no}: the text ends after the ${goal.side} title on line ${line}, before any item; ${CUT}`,
        line,
      );
    }
  }
}
