/**
 * A page's runs → the form's head and the table's rows, each row a cell per column holding that
 * cell's lines. Ruled tables give rows and merged cells; unruled ones are cut into rows where a
 * 番号 or a 重点目標 title starts.
 */
import type { PageContent, Run } from './extract.ts';
import { type HeadLine, readHeadLine, readHeadLines } from './furniture.ts';
import { COLUMNS, type Columns, columnOf, ruledGrid } from './geometry.ts';
import { groupLines, type Line } from './lines.ts';

export interface TableRow {
  page: number;
  /** Lines of each column's cell, top to bottom. */
  cells: Line[][];
}

export interface PageRead {
  head: HeadLine[];
  rows: TableRow[];
}

/** The glyph's vertical middle decides its row: baselines sit low in a cell. */
const middle = (run: Run) => run.y + run.size * 0.35;
/** The first glyph's middle decides its column: a run never crosses a cell border. */
const start = (run: Run) => run.x + Math.min(run.width, run.size) / 2;

export function readPageTable(page: PageContent, columns: Columns): PageRead {
  const grid = columns.ruled ? ruledGrid(page, columns) : undefined;
  if (!grid) return unruled(page, columns);
  const head: HeadLine[] = [];
  const inside: Run[] = [];
  const outside: Run[] = [];
  for (const run of page.runs) {
    const y = middle(run);
    (y <= grid.top + 1 && y >= grid.bottom - 1 ? inside : outside).push(run);
  }
  // Outside the ruled table: the form's head and furniture; anything else there (a ※ note) is not table content.
  for (const line of groupLines(outside)) head.push(...readHeadLines(line));
  const buckets: Run[][][] = grid.rows.slice(0, -1).map(() => Array.from({ length: COLUMNS }, () => []));
  const numbers: Array<{ run: Run; r: number }> = [];
  for (const run of inside) {
    const y = middle(run);
    let r = grid.rows.findIndex((edge, i) => i > 0 && y >= edge) - 1;
    if (r < 0) r = grid.rows.length - 2;
    const column = columnOf(columns, start(run));
    if (column === 0) numbers.push({ run, r });
    else buckets[r]?.[grid.owners[r]?.[column] ?? 0]?.push(run);
  }
  // A 番号 centred in a cell merged down the goal goes to the goal's first row with content.
  for (const { run, r } of numbers) {
    let target = r;
    for (let k = grid.noStarts[r] ?? r; k < r; k++) {
      if (buckets[k]?.some((cell, c) => c > 0 && cell.length > 0)) {
        target = k;
        break;
      }
    }
    buckets[target]?.[0]?.push(run);
  }
  const rows: TableRow[] = [];
  for (const cells of buckets) {
    const row = { page: page.number, cells: cells.map((runs) => groupLines(runs)) };
    if (row.cells.every((c) => c.length === 0)) continue;
    const inHead = headOfRow(row);
    if (inHead) head.push(...inHead);
    else rows.push(row);
  }
  return { head, rows };
}

/**
 * A ruled row that holds the form's head, not content: a 担当部局名 box drawn on the table's own
 * column lines (LibreOffice and Excel print a box in the columns above the table that way), with
 * the title or page furniture beside it. Every line must read as head, and one as title or department.
 */
function headOfRow(row: TableRow): HeadLine[] | undefined {
  const read = row.cells.flat().map((line) => readHeadLine(line));
  const known = read.filter((h): h is HeadLine => h !== undefined);
  if (known.length < read.length || !known.some((h) => h.kind === 'title' || h.kind === 'department')) {
    return undefined;
  }
  return known;
}

/** The table's column headings: after them, a page's first row starts (it may continue a goal). */
const columnLabel = /^(?:番号|具体的な重点取組項目|達成状況|期限・数値目標|数値目標)/;

/**
 * A title spans its block's two columns: until the first item, a wrapped title line standing in the
 * notes column belongs to the title in the items column.
 */
function spanTitle(row: Line[][], next: Line[][]): void {
  for (const c of [1, 3]) {
    const title = row[c] ?? [];
    const stray = next[c + 1] ?? [];
    const inTitle = /^重点目標/.test(title[0]?.text ?? '') && title.every((l) => !/^[①-⑳]/.test(l.text));
    if (
      !inTitle ||
      stray.length === 0 ||
      (row[c + 1]?.length ?? 0) > 0 ||
      /^[①-⑳]/.test(stray[0]?.text ?? '')
    ) {
      continue;
    }
    next[c] = [...(next[c] ?? []), ...stray];
    next[c + 1] = [];
  }
}

function unruled(page: PageContent, columns: Columns): PageRead {
  const head: HeadLine[] = [];
  const rows: TableRow[] = [];
  for (const line of groupLines(page.runs)) {
    const read = readHeadLines(line, true);
    if (read.length > 0) {
      head.push(...read);
      continue;
    }
    const cells: Run[][] = Array.from({ length: COLUMNS }, () => []);
    for (const run of line.runs) cells[columnOf(columns, start(run))]?.push(run);
    // A title line's cell spans its block's notes column too: what stands there is the title going on.
    for (const c of [1, 3]) {
      if (/^重点目標/.test(groupLines(cells[c] ?? [])[0]?.text ?? '')) {
        cells[c] = [...(cells[c] ?? []), ...(cells[c + 1] ?? [])];
        cells[c + 1] = [];
      }
    }
    const lines = cells.map((runs) => groupLines(runs));
    const last = rows.at(-1);
    const startsRow =
      !last ||
      lines[0]?.length !== 0 ||
      /^重点目標/.test(lines[1]?.[0]?.text ?? '') ||
      last.cells.every((cell) => cell.every((l) => columnLabel.test(l.text)));
    if (startsRow) rows.push({ page: page.number, cells: lines });
    else {
      spanTitle(last.cells, lines);
      for (const [c, cell] of last.cells.entries()) cell.push(...(lines[c] ?? []));
    }
  }
  return { head, rows };
}
