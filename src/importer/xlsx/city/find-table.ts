/**
 * Finds a 一覧表 in a city's own worksheet by its labels, wherever the department put them:
 * 担当部局名 (with a space, a full-width space or a colon), the two year headings, and the column
 * headings row (取組項目 twice, 達成状況, 数値目標; 番号 when there is one).
 */
import { parseFiscalYear } from '../../../domain/fiscal-year/wareki.ts';
import { compact, type Grid } from './grid.ts';

export interface TableFrame {
  department: string;
  departmentRow: number;
  reviewYear: number;
  planYear: number;
  yearRow: number;
  headerRow: number;
  /** Columns: 番号 (0 when the form has none), the two items and the two notes columns. */
  no: number;
  reviewItem: number;
  reviewNote: number;
  planItem: number;
  planNote: number;
}

const DEPARTMENT = /担当部局名[\s\u3000]*[:：]?[\s\u3000]*/u;
const YEAR = /(?:令和|平成)[\s\u3000]*(?:[0-9０-９]{1,2}|元)[\s\u3000]*年度?/gu;

/** The year headings a text holds (`【令和７年度重点目標】`, `令和6年度`), as fiscal years. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)]
    .map((m) => parseFiscalYear(compact(m[0]).replace(/年$/, '年度')))
    .filter((y): y is number => y !== undefined);
}

export function findTable(grid: Grid): TableFrame | undefined {
  const department = findDepartment(grid);
  if (!department) return undefined;
  const header = findHeaderRow(grid, department.row);
  if (!header) return undefined;
  const years = findYears(grid, department.row, header.row);
  if (!years) return undefined;
  return {
    department: department.name,
    departmentRow: department.row,
    ...years,
    headerRow: header.row,
    ...header.columns,
  };
}

function findDepartment(grid: Grid): { name: string; row: number } | undefined {
  for (let r = 1; r <= grid.rows; r += 1) {
    for (let c = 1; c <= grid.cols; c += 1) {
      const cell = grid.at(r, c);
      const match = cell.owner ? DEPARTMENT.exec(cell.text) : null;
      if (!match) continue;
      const rest = cell.text.slice((match.index ?? 0) + match[0].length).trim();
      if (rest !== '') return { name: rest, row: r };
      for (let k = c + 1; k <= grid.cols; k += 1) {
        const next = grid.at(r, k);
        if (next.owner && next.text.trim() !== '') {
          return { name: next.text.trim().replace(/^[:：][\s\u3000]*/u, ''), row: r };
        }
      }
      return undefined;
    }
  }
  return undefined;
}

interface HeaderColumns {
  no: number;
  reviewItem: number;
  reviewNote: number;
  planItem: number;
  planNote: number;
}

function findHeaderRow(grid: Grid, from: number): { row: number; columns: HeaderColumns } | undefined {
  for (let r = from; r <= grid.rows; r += 1) {
    const owned = (test: (t: string) => boolean) => {
      const found: number[] = [];
      for (let c = 1; c <= grid.cols; c += 1) {
        const cell = grid.at(r, c);
        if (cell.owner && test(compact(cell.text))) found.push(c);
      }
      return found;
    };
    const items = owned((t) => t.includes('取組項目'));
    const [reviewItem, planItem] = items;
    if (reviewItem === undefined || planItem === undefined) continue;
    const reviewNote = owned((t) => t.includes('達成状況') || t.includes('達成度')).find(
      (c) => c > reviewItem && c < planItem,
    );
    const planNote = owned((t) => t.includes('数値目標') || t.startsWith('期限')).find((c) => c > planItem);
    if (reviewNote === undefined || planNote === undefined) continue;
    // 番号 may be merged down over two header rows: any row from the department's on may hold it.
    let no = 0;
    for (let k = from; k <= r && no === 0; k += 1) {
      for (let c = 1; c < reviewItem; c += 1) {
        if (/^(?:番号|No\.?|NO\.?)$/u.test(compact(grid.at(k, c).text))) no = c;
      }
    }
    if (no === 0 && reviewItem > 1) no = reviewItem - 1;
    return { row: r, columns: { no, reviewItem, reviewNote, planItem, planNote } };
  }
  return undefined;
}

function findYears(grid: Grid, from: number, to: number) {
  for (let r = from; r <= to; r += 1) {
    const years: number[] = [];
    for (let c = 1; c <= grid.cols; c += 1) {
      const cell = grid.at(r, c);
      if (cell.owner && !DEPARTMENT.test(cell.text)) years.push(...yearsIn(cell.text));
    }
    const [reviewYear, planYear] = years;
    if (reviewYear !== undefined && planYear !== undefined) return { reviewYear, planYear, yearRow: r };
  }
  return undefined;
}
