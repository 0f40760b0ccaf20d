/**
 * Which pages carry the table. LibreOffice prints every sheet of a workbook, so a department's PDF
 * often holds a cover, a 記入要領 or a notes page too: those must neither steer the column search
 * nor add rows. A page looks like the table when it carries the column headings or rules forming
 * the 5 columns; any other page still counts when it holds rows laid out in the table's columns.
 */
import type { PageContent } from './extract.ts';
import { COLUMNS, ruledColumns } from './geometry.ts';
import { groupLines, segments } from './lines.ts';
import type { TableRow } from './table-rows.ts';

const compact = (text: string) => text.replace(/\s+/g, '');
const COLUMN_LABELS = new Set([
  '番号',
  'No.',
  'No',
  '重点目標',
  '具体的な重点取組項目（箇条書き）',
  '具体的な重点取組項目',
  '達成状況・達成度',
  '達成状況',
  '達成度',
  '期限・数値目標等',
  '期限・数値目標',
  '数値目標等',
]);

export const isColumnLabel = (text: string) =>
  COLUMN_LABELS.has(compact(text).replace(/\(/g, '（').replace(/\)/g, '）'));

/**
 * The table's heading row (two different column labels standing apart, as in the print titles), or
 * rules enough for the table's columns. A sentence that names a column (「達成状況・達成度」欄には…)
 * is no label: labels stand alone in their cells.
 */
export function looksLikeTable(page: PageContent): boolean {
  const labels = new Set<string>();
  for (const line of groupLines(page.runs)) {
    for (const part of segments(line, 0.8)) if (isColumnLabel(part.text)) labels.add(compact(part.text));
  }
  return labels.size >= 2 || ruledColumns([page]) !== undefined;
}

/**
 * Rows read in the table's columns that put text in two of the content columns: a table page
 * without headings or rules (a page the table goes on to). A paragraph of instructions or a cover's
 * line stands in one column only, its own 番号 (１, ２…) at most in the 番号 column beside it.
 */
export function holdsTableRows(rows: readonly TableRow[]): boolean {
  return rows.some((row) => row.cells.slice(1, COLUMNS).filter((cell) => cell.length > 0).length >= 2);
}
