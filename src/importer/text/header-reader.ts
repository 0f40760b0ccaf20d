/** Reads the first page header, which decides whether the text is a 一覧表 at all. */
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { AppError } from '../../errors.ts';
import { type HeaderToken, readHeaderLine } from './page-header.ts';
import { quote } from './paragraphs.ts';

export interface DocumentHeader {
  department: string;
  review: number;
  plan: number;
}

export interface HeaderRead {
  header: DocumentHeader;
  /** Index (0-based) of the first line after the header. */
  next: number;
}

function notADocument(expected: string, lines: readonly string[], index: number): AppError {
  const line = Math.min(index, Math.max(lines.length - 1, 0)) + 1;
  const found = index < lines.length ? `found ${quote(lines[index] ?? '')}` : 'found the end of the text';
  return new AppError('NOT_A_DOCUMENT', `not a 重点目標一覧表: expected ${expected}, ${found}`, {
    line,
  });
}

function skipBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  return i;
}

const expectations = [
  { kind: 'title', expected: 'the title 重点目標一覧表' },
  { kind: 'department', expected: '担当部局名 <department>' },
  { kind: 'year', expected: '【令和N年度重点目標】 (the review year)' },
  { kind: 'year', expected: '【令和N年度重点目標】 (the plan year)' },
] as const;

/** Title, department, review year, plan year: in this order, on one line or several. */
export function readFirstHeader(lines: readonly string[]): HeaderRead {
  const found: Array<{ token: HeaderToken; line: number }> = [];
  let i = -1;
  while (found.length < expectations.length) {
    i = skipBlank(lines, i + 1);
    const want = expectations[found.length]!;
    const tokens = i < lines.length ? readHeaderLine(lines[i] ?? '', i + 1) : undefined;
    if (!tokens) throw notADocument(want.expected, lines, i);
    for (const token of tokens) {
      const expected = expectations[found.length];
      if (!expected) {
        throw new AppError('PARSE_ERROR', 'expected exactly two years (review, plan) in the page header', {
          line: i + 1,
        });
      }
      if (token.kind !== expected.kind) throw notADocument(expected.expected, lines, i);
      found.push({ token, line: i + 1 });
    }
  }
  const department = found[1]?.token;
  const review = found[2];
  const plan = found[3];
  if (department?.kind !== 'department' || review?.token.kind !== 'year' || plan?.token.kind !== 'year') {
    throw new AppError('INTERNAL', 'page header tokens out of order');
  }
  if (plan.token.year !== review.token.year + 1) {
    throw new AppError(
      'PARSE_ERROR',
      `the plan year ${formatFiscalYear(plan.token.year)} must follow the review year ${formatFiscalYear(review.token.year)}`,
      { line: plan.line },
    );
  }
  return {
    header: { department: department.name, review: review.token.year, plan: plan.token.year },
    next: i + 1,
  };
}
