/**
 * A city's own 一覧表 worksheet → the interchange document. The table found by its labels is written
 * out as the `<p>`-row text extraction the text reader knows (as the PDF reader does), so titles,
 * notes by circled number, units and warnings come from the one assembly every format shares.
 * Errors and warnings name the sheet and its row.
 */

import { formatFiscalYear } from '../../../domain/fiscal-year/wareki.ts';
import { AppError } from '../../../errors.ts';
import type { IchiranDocument } from '../../../format/document.schema.ts';
import { fillQuantities } from '../../../quantities/fill.ts';
import { paragraphsOfLines } from '../../pdf/paragraph-lines.ts';
import { parseIchiranText } from '../../text/parse-text.ts';
import { notADocument } from '../cells.ts';
import type { TableFrame } from './find-table.ts';
import { yearsIn } from './find-table.ts';
import { compact, type Grid } from './grid.ts';

type Side = 'review' | 'plan';

const LABELS = new Set([
  '番号',
  'No.',
  'No',
  '重点目標一覧表',
  '具体的な重点取組項目（箇条書き）',
  '具体的な重点取組項目',
  '達成状況・達成度',
  '達成状況',
  '達成度',
  '期限・数値目標等',
  '期限・数値目標',
  '数値目標等',
]);
const GOAL_LABEL = /^重点目標[\s\u3000]*[:：]?[\s\u3000]*$/u;
const GOAL_TITLE = /^重点目標[\s\u3000]*[:：][\s\u3000]*/u;
const NUMBER = /^[0-9０-９]{1,3}$/u;

/** Excel line breaks → the cell's paragraphs: a line that starts no item, bullet or unit goes on the last. */
function paragraphs(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((raw) => raw.trim().replace(GOAL_TITLE, '重点目標 ').trim())
    .filter((line) => line !== '');
  return paragraphsOfLines(lines);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cellLine = (c: string[]) =>
  c.length === 0 ? '<p></p>' : c.map((p) => `<p>${escapeHtml(p)}</p>`).join('');

export function readCitySheet(grid: Grid, frame: TableFrame): IchiranDocument {
  const { reviewYear, planYear } = frame;
  if (planYear !== reviewYear + 1) {
    throw notADocument(
      grid.sheet,
      frame.yearRow,
      `the plan year ${formatFiscalYear(planYear)} must follow the review year ${formatFiscalYear(reviewYear)}`,
    );
  }
  const lines: string[] = [
    '重点目標一覧表',
    `担当部局名 ${frame.department}`,
    `【${formatFiscalYear(reviewYear)}重点目標】\t【${formatFiscalYear(planYear)}重点目標】`,
  ];
  const rows: number[] = [frame.departmentRow, frame.departmentRow, frame.yearRow];
  const sideOf = (col: number): Side => (col < frame.planItem ? 'review' : 'plan');
  let pending: { no: string; titles: Partial<Record<Side, string>>; row: number } | undefined;
  const emit = (row: number, no: string, cells: string[][]) => {
    const titles = pending?.titles ?? {};
    if (titles.review !== undefined) cells[0]?.unshift(`重点目標 ${titles.review}`);
    if (titles.plan !== undefined) cells[2]?.unshift(`重点目標 ${titles.plan}`);
    lines.push([no || (pending?.no ?? ''), ...cells.map(cellLine)].join('\t'));
    rows.push(pending?.row ?? row);
    pending = undefined;
  };

  for (let r = frame.headerRow + 1; r <= grid.rows; r += 1) {
    const owned: Array<{ col: number; text: string }> = [];
    for (let c = 1; c <= grid.cols; c += 1) {
      const cell = grid.at(r, c);
      if (cell.owner && cell.text.trim() !== '') owned.push({ col: c, text: cell.text.trim() });
    }
    if (owned.length === 0) continue;
    // A heading repeated down the sheet (a printed page's header) is not content.
    if (
      owned.every((o) => LABELS.has(compact(o.text)) || isYearHeading(o.text) || /担当部局名/.test(o.text))
    ) {
      continue;
    }
    const noCell = frame.no > 0 ? grid.at(r, frame.no) : undefined;
    const no = noCell?.owner && NUMBER.test(compact(noCell.text)) ? compact(noCell.text) : '';
    const titles = titlesOf(owned, sideOf);
    if (titles) {
      if (pending) emit(pending.row, '', [[], [], [], []]);
      pending = { no, titles, row: r };
      continue;
    }
    const text = (col: number) => {
      const cell = grid.at(r, col);
      return cell.owner ? paragraphs(cell.text) : [];
    };
    emit(r, no, [text(frame.reviewItem), text(frame.reviewNote), text(frame.planItem), text(frame.planNote)]);
  }
  if (pending) emit(pending.row, '', [[], [], [], []]);
  return parseLines(grid.sheet, lines, rows);
}

const isYearHeading = (text: string) =>
  yearsIn(text).length > 0 &&
  compact(text).replace(/[【】]|重点目標|(?:令和|平成)([0-9０-９]{1,2}|元)年度?/gu, '') === '';

/** A title row: a `重点目標` label cell with the title beside it, or `重点目標：title` in one cell. */
function titlesOf(
  owned: ReadonlyArray<{ col: number; text: string }>,
  sideOf: (col: number) => Side,
): Partial<Record<Side, string>> | undefined {
  const titles: Partial<Record<Side, string>> = {};
  let found = false;
  for (let i = 0; i < owned.length; i += 1) {
    const cell = owned[i];
    if (!cell) continue;
    if (GOAL_LABEL.test(cell.text)) {
      const next = owned[i + 1];
      if (next && !GOAL_LABEL.test(next.text) && !GOAL_TITLE.test(next.text)) {
        titles[sideOf(next.col)] = next.text.replace(/\s+/g, ' ');
        i += 1;
      }
      found = true;
    } else if (GOAL_TITLE.test(cell.text) && !cell.text.includes('\n')) {
      titles[sideOf(cell.col)] = cell.text.replace(GOAL_TITLE, '').replace(/\s+/g, ' ');
      found = true;
    } else if (!NUMBER.test(compact(cell.text))) {
      return undefined;
    }
  }
  return found ? titles : undefined;
}

function parseLines(sheet: string, lines: string[], rows: number[]): IchiranDocument {
  const rowOf = (line: number | undefined) => (line === undefined ? undefined : rows[line - 1]);
  let doc: IchiranDocument;
  try {
    doc = parseIchiranText(lines.join('\n'));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { line, column: _column, ...rest } = error.location;
    const row = rowOf(line);
    throw new AppError(
      error.code,
      error.message,
      { ...rest, field: sheet, ...(row === undefined ? {} : { line: row }) },
      { cause: error.cause },
    );
  }
  const warnings = doc.warnings.map(({ message, line }) => {
    const row = rowOf(line);
    return row === undefined ? { message } : { message, line: row };
  });
  return fillQuantities({ ...doc, warnings });
}
