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
const departmentLabel = /^担当部局名\s*[:：]?\s*/;
const oneYearMarker = /^【[^【】]*重点目標\s*】$/;
// Before the title only a short label such as 令和4年度 or a town's name; never item text.
// Sticky, and without capturing the rest of the line: a line of many titles is read title by title.
const title = /[^①-⑳㉑-㉟㊱-㊿<>]{0,20}?\s*重点目標一覧表\s*/y;
const titleAfterName = /^(\S.*?)\s+\S{0,20}?重点目標一覧表(?:\s*[（(][^（）()【】]{0,30}[）)])?$/;
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

/**
 * `<name> 【…重点目標】…` → the name and the year markers that end it. The markers are taken off
 * the end one at a time, so the work is linear in the text: a single pattern with a lazy name
 * before repeated markers backtracked quadratically on a line of markers that did not end it.
 */
function splitTrailingYears(text: string): { name: string; years: string } {
  let end = text.length;
  for (;;) {
    let close = end;
    while (close > 0 && /\s/.test(text.charAt(close - 1))) close--;
    const open = text.charAt(close - 1) === '】' ? text.lastIndexOf('【', close - 1) : -1;
    if (open < 0 || !oneYearMarker.test(text.slice(open, close))) break;
    end = open;
  }
  return { name: text.slice(0, end).trim(), years: text.slice(end) };
}

function readDepartment(text: string, line: number): HeaderToken[] | undefined {
  const label = departmentLabel.exec(text);
  if (!label) return undefined;
  const { name: boxed, years } = splitTrailingYears(text.slice(label[0].length));
  // The department's box may stand left of the title on the same line: `担当部局名：総務部　重点目標一覧表`.
  const titled = titleAfterName.exec(boxed);
  const name = titled ? (titled[1] ?? '') : boxed;
  // A department label with nothing after it is not a header we can use.
  if (name === '') return undefined;
  const title: HeaderToken[] = titled ? [{ kind: 'title' }] : [];
  return [...title, { kind: 'department', name }, ...readYears(years, line)];
}

function readTokens(text: string, line: number): HeaderToken[] | undefined {
  const tokens: HeaderToken[] = [];
  let at = 0;
  // A loop, not recursion: a line of many titles must not exhaust the stack.
  for (;;) {
    const rest = text.slice(at);
    if (rest === '') return tokens;
    if (yearMarkers.test(rest)) return [...tokens, ...readYears(rest, line)];
    if (rest.startsWith('担当部局名')) {
      const dept = readDepartment(rest, line);
      return dept ? [...tokens, ...dept] : undefined;
    }
    title.lastIndex = at;
    if (!title.test(text)) {
      // A bracketed remark after the title (e.g. （令和4年度）) is decoration, not content.
      return tokens.length > 0 && remark.test(rest) ? tokens : undefined;
    }
    tokens.push({ kind: 'title' });
    at = title.lastIndex;
  }
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
    // Not push(...read): a call with 100,000s of arguments overflows the stack.
    for (const token of read) tokens.push(token);
  }
  return tokens;
}
