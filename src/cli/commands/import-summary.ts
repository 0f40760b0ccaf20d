import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';

/** One row of the folder import's summary: a document read, or a file that failed. */
export interface SummaryRow {
  file: string;
  department: string;
  years: string;
  goals: string;
  warnings: string;
  error: string;
}

export function documentRow(file: string, doc: IchiranDocument): SummaryRow {
  return {
    file,
    department: doc.department,
    years: `${formatFiscalYear(doc.review.fiscalYear)}/${formatFiscalYear(doc.plan.fiscalYear)}`,
    goals: `${doc.review.goals.length}/${doc.plan.goals.length}`,
    warnings: String(doc.warnings.length),
    error: '',
  };
}

export function errorRow(file: string, error: string): SummaryRow {
  return { file, department: '', years: '', goals: '', warnings: '', error };
}

const headers: SummaryRow = {
  file: 'file',
  department: 'department',
  years: 'years (review/plan)',
  goals: 'goals (review/plan)',
  warnings: 'warnings',
  error: 'error',
};
const columns = Object.keys(headers) as (keyof SummaryRow)[];

/** Display width in a terminal: CJK and full-width forms take two cells, so columns line up. */
function width(text: string): number {
  let cells = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    cells +=
      code >= 0x1100 && (code <= 0x115f || code >= 0x2e80) && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return cells;
}

/** A plain-text table (two spaces between columns), the last column left unpadded. */
export function formatSummary(rows: SummaryRow[]): string {
  const all = [headers, ...rows];
  const widths = columns.map((c) => Math.max(...all.map((r) => width(r[c]))));
  const line = (r: SummaryRow) =>
    columns
      .map((c, i) => (i === columns.length - 1 ? r[c] : r[c] + ' '.repeat((widths[i] ?? 0) - width(r[c]))))
      .join('  ')
      .trimEnd();
  const ok = rows.filter((r) => r.error === '').length;
  const failed = rows.length - ok;
  return `${all.map(line).join('\n')}\n${ok} read, ${failed} failed\n`;
}
