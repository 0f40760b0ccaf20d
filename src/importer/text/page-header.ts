/**
 * The page header printed on every page: `重点目標一覧表`, `担当部局名 <department>`,
 * `【<review year>重点目標】`, `【<plan year>重点目標】`. Extraction may put several of them on
 * one line, so a line is read as a sequence of header tokens.
 */

import { parseFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { AppError } from '../../errors.ts';
import { foldWhitespace, quote } from './paragraphs.ts';

export type HeaderToken =
  | { kind: 'title' }
  | { kind: 'department'; name: string }
  | { kind: 'year'; label: string; year: number };

const yearMarkers = /^(?:【[^【】]*重点目標\s*】\s*)+$/;
const yearMarker = /【([^【】]*?)\s*重点目標\s*】/g;
const department = /^担当部局名\s*[:：]?\s*(.*?)\s*((?:【[^【】]*重点目標\s*】\s*)*)$/;
// Before the title only a short label such as 令和4年度 or a town's name; never item text.
const title = /^([^①-⑳㉑-㉟㊱-㊿<>]{0,20}?)\s*重点目標一覧表\s*(.*)$/;
const remark = /^[（(【][^（）()【】]{0,30}[）)】]$/;

function readYears(text: string, line: number): HeaderToken[] {
  return [...text.matchAll(yearMarker)].map((m) => {
    const label = foldWhitespace(m[1] ?? '');
    const year = parseFiscalYear(label);
    // The schema's range; a year outside it is a misread, not a plan.
    if (year === undefined || year < 1989 || year > 2200) {
      throw new AppError(
        'PARSE_ERROR',
        `cannot read the fiscal year in ${quote(m[0])}: expected 令和N年度 or 平成N年度`,
        {
          line,
        },
      );
    }
    return { kind: 'year', label, year };
  });
}

function readTokens(text: string, line: number): HeaderToken[] | undefined {
  if (text === '') return [];
  if (yearMarkers.test(text)) return readYears(text, line);
  const dept = department.exec(text);
  if (dept) {
    const name = dept[1] ?? '';
    // A department label with nothing after it is not a header we can use.
    if (name === '') return undefined;
    return [{ kind: 'department', name }, ...readYears(dept[2] ?? '', line)];
  }
  const head = title.exec(text);
  if (head) {
    const remainder = head[2] ?? '';
    // A bracketed remark after the title (e.g. （令和4年度）) is decoration, not content.
    const rest = readTokens(remainder, line) ?? (remark.test(remainder) ? [] : undefined);
    return rest ? [{ kind: 'title' }, ...rest] : undefined;
  }
  return undefined;
}

/**
 * The header tokens of a line, or undefined when the line is not (only) a page header. Each
 * tab-separated cell must be header text on its own, so a goal row that merely mentions
 * 重点目標一覧表 is never taken for a page break; `担当部局名⇥<name>` is read as one.
 */
export function readHeaderLine(raw: string, line: number): HeaderToken[] | undefined {
  // Cheap screen first: goal rows make up most lines and can never be headers.
  if (!raw.includes('重点目標') && !raw.includes('担当部局名')) return undefined;
  if (/<p[\s>]/i.test(raw)) return undefined;
  const cells = raw
    .split('\t')
    .map(foldWhitespace)
    .filter((cell) => cell !== '');
  if (cells.length === 0) return undefined;
  const tokens: HeaderToken[] = [];
  for (let i = 0; i < cells.length; i++) {
    let cell = cells[i] ?? '';
    if (/^担当部局名\s*[:：]?$/.test(cell) && i + 1 < cells.length) cell = `${cell} ${cells[++i]}`;
    const read = readTokens(cell, line);
    if (!read) return undefined;
    tokens.push(...read);
  }
  return tokens;
}
