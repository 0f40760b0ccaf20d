/**
 * What a body line is. Every line must be one of these; anything else is a PARSE_ERROR naming
 * the line, because a line we cannot place would otherwise be silently lost.
 */
import { AppError } from '../../errors.ts';
import { type HeaderToken, readHeaderLine } from './page-header.ts';
import { cellParagraphs, compact, quote, splitCells } from './paragraphs.ts';

/** The paragraphs of each content cell of a goal row. */
export type GoalCells = readonly [
  reviewItems: readonly string[],
  achievements: readonly string[],
  planItems: readonly string[],
  targets: readonly string[],
];

export type BodyLine =
  | { kind: 'blank' }
  | { kind: 'pageHeader'; tokens: HeaderToken[] }
  | { kind: 'columnHeader' }
  | { kind: 'titleRow'; review: string | undefined; plan: string | undefined; rowNo: number | undefined }
  | { kind: 'goalRow'; rowNo: number | undefined; cells: GoalCells };

type TitleRow = Extract<BodyLine, { kind: 'titleRow' }>;

const goalLabel = '重点目標';
// Compared in compact form with half-width parentheses made full-width.
const columnLabels = new Set([
  goalLabel,
  '具体的な重点取組項目（箇条書き）',
  '具体的な重点取組項目',
  '達成状況・達成度',
  '達成状況',
  '達成度',
  '期限・数値目標等',
  '期限・数値目標',
  '数値目標等',
]);

function labelKey(text: string): string {
  return compact(text).replace(/\(/g, '（').replace(/\)/g, '）');
}

const titleInCell = /^重点目標(?:\s+|\s*[:：]\s*)(\S.*)$/;
const rowNumber = /^([0-9０-９]{1,3})\s*[.．]?$/;

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

/**
 * `重点目標⇥<review>⇥⇥重点目標⇥<plan>⇥`, its 4-column form, or either side alone; undefined when
 * the cells are not label/title pairs (then the line is read as a goal row).
 */
function readTitleRow(cells: readonly (readonly string[])[]): TitleRow | undefined {
  // A cell of several paragraphs holds items, so the row is a goal row.
  if (cells.some((paragraphs) => paragraphs.length > 1)) return undefined;
  const texts = cells.map((paragraphs) => paragraphs[0] ?? '');
  const titles: Array<{ at: number; title: string }> = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? '';
    if (text === '') continue;
    const inCell = titleInCell.exec(text);
    if (inCell) titles.push({ at: i, title: inCell[1] ?? '' });
    else if (text === goalLabel) titles.push({ at: i++, title: texts[i] ?? '' });
    else return undefined;
  }
  const [first, second, third] = titles;
  if (!first || third) return undefined;
  const orEmpty = (t: string): string | undefined => (t === '' ? undefined : t);
  const rowNo = undefined;
  if (second) return { kind: 'titleRow', review: orEmpty(first.title), plan: orEmpty(second.title), rowNo };
  // One side only: the left block starts at the first cell, anything further right is the plan side.
  return first.at < 2
    ? { kind: 'titleRow', review: orEmpty(first.title), plan: undefined, rowNo }
    : { kind: 'titleRow', review: undefined, plan: orEmpty(first.title), rowNo };
}

function readGoalRow(
  cells: readonly (readonly string[])[],
  texts: readonly string[],
  line: number,
): BodyLine {
  const first = texts[0] ?? '';
  const number = rowNumber.exec(first);
  if (first !== '' && !number) {
    throw new AppError(
      'PARSE_ERROR',
      `goal row: expected the row number (or nothing) in the first cell, found ${quote(first)}`,
      { line },
    );
  }
  const extra = texts.slice(5).find((t) => t !== '');
  if (extra !== undefined) {
    throw new AppError(
      'PARSE_ERROR',
      `goal row: expected 5 cells (row no., review items, achievements, plan items, targets), found more: ${quote(extra)}`,
      { line },
    );
  }
  const rowNo = number ? toNumber(number[1] ?? '') : undefined;
  if (rowNo === 0) throw new AppError('PARSE_ERROR', 'goal row: row numbers start at 1', { line });
  const cellAt = (i: number): readonly string[] => cells[i] ?? [];
  return { kind: 'goalRow', rowNo, cells: [cellAt(1), cellAt(2), cellAt(3), cellAt(4)] };
}

export function classifyLine(raw: string, line: number): BodyLine {
  if (raw.trim() === '') return { kind: 'blank' };
  const tokens = readHeaderLine(raw, line);
  if (tokens) return { kind: 'pageHeader', tokens };
  const cells = splitCells(raw);
  const paragraphs = cells.map(cellParagraphs);
  const texts = paragraphs.map((p) => p.join(' '));
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return { kind: 'blank' };
  if (filled.every((t) => columnLabels.has(labelKey(t)))) return { kind: 'columnHeader' };
  // The row number may stand on the title row when its cell spans the whole goal.
  const number = rowNumber.exec(texts[0] ?? '');
  const titleRow = readTitleRow(number ? [[], ...paragraphs.slice(1)] : paragraphs);
  if (titleRow) return { ...titleRow, rowNo: number ? toNumber(number[1] ?? '') : undefined };
  if (cells.length < 2) {
    throw new AppError(
      'PARSE_ERROR',
      `cannot place this line: expected a page header, a title row (重点目標⇥<title>), a column header or a goal row (<row no.>⇥<review items>⇥<achievements>⇥<plan items>⇥<targets>), found ${quote(raw)}`,
      { line },
    );
  }
  return readGoalRow(paragraphs, texts, line);
}
