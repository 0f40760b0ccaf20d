/**
 * Lines of a page that are not table content: the form's head (title, 担当部局名, 年度), which is
 * read, and page furniture (page numbers, form numbers), which is dropped.
 */
import type { Line } from './lines.ts';
import { makeLine, segments } from './lines.ts';

export type HeadLine =
  | { kind: 'title' }
  | { kind: 'department'; name: string; years?: string[] }
  | { kind: 'years'; labels: string[] }
  | { kind: 'furniture' };

const compact = (text: string) => text.replace(/\s+/g, '');

const pageNumber = /^[-－―‐—]?[0-9０-９]{1,4}(?:[/／][0-9０-９]{1,4})?[-－―‐—]?$/;
const dashedOrSlashed = /[-－―‐—/／]/;
const pageWord = /^(?:p\.?|page|ページ)?[0-9０-９]{1,4}(?:ページ|頁)?$/i;
const formNumber =
  /^[（(]?様式(?:第)?[0-9０-９一二三四五六七八九十]{1,3}(?:号)?(?:[-－の][0-9０-９]{1,2})?[）)]?$/;
const yearHeading = /【\s*([^【】]*?年度)\s*重点目標\s*】/g;
const yearPair =
  /((?:令和|平成)\s*(?:[0-9０-９]{1,2}|元)\s*年度)\s*[（(]\s*((?:令和|平成)\s*(?:[0-9０-９]{1,2}|元)\s*年度)\s*実績\s*[）)]/;
const departmentLabel = /^担当部局名\s*[:：]?\s*/;

/** 【…年度重点目標】 headings in a text, in order. */
export function yearHeadings(text: string): string[] {
  return [...text.matchAll(yearHeading)].map((m) => (m[1] ?? '').replace(/\s+/g, ''));
}

const plainYear = /^(?:令和|平成)(?:[0-9０-９]{1,2}|元)年度(?:重点目標)?$/;

/**
 * Year labels without the 【…重点目標】 brackets (`平成30年度`, `令和元年度 重点目標`), when a text holds
 * nothing else: a form that heads its blocks with the bare years. Undefined otherwise.
 */
export function plainYearLabels(text: string): string[] | undefined {
  const parts = text.split(/\s+/).filter((p) => p !== '');
  const labels: string[] = [];
  for (const part of parts) {
    if (plainYear.test(part)) labels.push(part.replace(/重点目標$/, ''));
    else if (part === '重点目標' && labels.length > 0) continue;
    else return undefined;
  }
  return labels.length > 0 ? labels : undefined;
}

/**
 * What a line outside the table is, or undefined when it is neither head nor furniture.
 * `numberMayBeRow`: a bare number could be a row's 番号 (unruled tables), so it counts as a page
 * number only with dashes or a slash.
 */
export function readHeadLine(line: Line, numberMayBeRow = false): HeadLine | undefined {
  const text = compact(line.text);
  if (text === '') return { kind: 'furniture' };
  if (pageNumber.test(text) && (!numberMayBeRow || dashedOrSlashed.test(text))) return { kind: 'furniture' };
  if (!numberMayBeRow && pageWord.test(text)) return { kind: 'furniture' };
  if (formNumber.test(text)) return { kind: 'furniture' };
  if (text.startsWith('担当部局名')) return readDepartment(line);
  const headings = yearHeadings(line.text);
  if (headings.length > 0 && compact(line.text.replace(yearHeading, '')) === '') {
    return { kind: 'years', labels: headings };
  }
  const plain = plainYearLabels(line.text);
  if (plain && plain.length >= 2) return { kind: 'years', labels: plain };
  // A title line may carry a year or a form number beside it: short, and no table text.
  if (text.includes('重点目標一覧表') && text.length <= 40 && !/[①-⑳]/.test(text)) return { kind: 'title' };
  return undefined;
}

/**
 * A line of the head may hold several boxes side by side: a form number or the title at the left and the
 * 担当部局名 box at the right, or the other way round. Each box is read on its own then; a line that does
 * not split that way is read whole.
 */
export function readHeadLines(line: Line, numberMayBeRow = false): HeadLine[] {
  const whole = () => {
    const read = readHeadLine(line, numberMayBeRow);
    return read ? [read] : [];
  };
  if (line.text.indexOf('担当部局名') <= 0) return whole();
  const parts = segments(line, 1.5);
  const index = parts.findIndex((p) => p.text.includes('担当部局名'));
  if (index <= 0 || !parts[index]?.text.startsWith('担当部局名')) return whole();
  const before = parts.slice(0, index).map((p) => readHeadLine(p, numberMayBeRow));
  const department = readHeadLine(makeLine(parts.slice(index).flatMap((p) => p.runs)), numberMayBeRow);
  if (department?.kind !== 'department' || before.some((r) => r === undefined)) return whole();
  return [...before.filter((r): r is HeadLine => r !== undefined), department];
}

/** `担当部局名 <name>` (space, full-width space or colon; the name in its own box or not), then maybe 年度. */
function readDepartment(line: Line): HeadLine | undefined {
  const parts = segments(line, 1.5).map((s) => s.text);
  const index = parts.findIndex((p) => departmentLabel.test(p));
  if (index < 0) return undefined;
  let name = (parts[index] ?? '').replace(departmentLabel, '').trim();
  let rest = parts.slice(index + 1);
  if (name === '') {
    name = rest[0] ?? '';
    rest = rest.slice(1);
  }
  if (name === '') return undefined;
  // The 年度 box of the form may sit on the same line: 年度 令和4年度（令和3年度実績）.
  const years = yearPairLabels(rest.join(' '));
  return years ? { kind: 'department', name, years } : { kind: 'department', name };
}

/** `令和4年度（令和3年度実績）` → [review, plan] labels, or undefined. */
export function yearPairLabels(text: string): string[] | undefined {
  const pair = yearPair.exec(text);
  return pair ? [compact(pair[2] ?? ''), compact(pair[1] ?? '')] : undefined;
}
