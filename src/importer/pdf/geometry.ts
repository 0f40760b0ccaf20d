/**
 * Where the table is: its column boundaries for the whole document (from the ruling lines when the
 * producer drew them, else from where text lines start), and per page its vertical extent and rows.
 */
import type { PageContent, Rule } from './extract.ts';
import { readHeadLine } from './furniture.ts';
import { groupLines, segments } from './lines.ts';

/** 番号, review items, achievements, plan items, targets. */
export const COLUMNS = 5;

export interface Columns {
  /** COLUMNS + 1 x positions, left to right. */
  edges: number[];
  ruled: boolean;
}

interface Cluster {
  at: number;
  weight: number;
  members: Rule[];
}

function cluster(rules: readonly Rule[], tolerance: number): Cluster[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const out: Cluster[] = [];
  for (const rule of sorted) {
    const last = out.at(-1);
    const length = rule.to - rule.from;
    if (last && rule.at - last.at <= tolerance) {
      last.at = (last.at * last.weight + rule.at * length) / (last.weight + length || 1);
      last.weight += length;
      last.members.push(rule);
    } else out.push({ at: rule.at, weight: length, members: [rule] });
  }
  return out;
}

/** The table's vertical rules: the COLUMNS + 1 longest-drawn x positions of the document. */
export function ruledColumns(pages: readonly PageContent[]): Columns | undefined {
  const verticals = pages.flatMap((p) => p.rules.filter((r) => r.dir === 'v'));
  const clusters = cluster(verticals, 2.5);
  const heaviest = [...clusters].sort((a, b) => b.weight - a.weight).slice(0, COLUMNS + 1);
  const top = heaviest[0]?.weight ?? 0;
  if (heaviest.length < COLUMNS + 1 || heaviest.some((c) => c.weight < 0.1 * top)) return undefined;
  return { edges: heaviest.map((c) => c.at).sort((a, b) => a - b), ruled: true };
}

/**
 * Without rules: a column is where many text lines start. Lines are cut at wide gaps (the space
 * between cells), their starts clustered; the COLUMNS most frequent starts are the columns.
 */
export function textColumns(pages: readonly PageContent[]): Columns | undefined {
  const starts: number[] = [];
  for (const page of pages) {
    for (const line of groupLines(page.runs)) {
      // Headings are centred over their columns and furniture stands anywhere: neither says
      // where a column starts.
      if (/重点目標\s*】|具体的な|達成状況|数値目標|番号/.test(line.text) || readHeadLine(line, true))
        continue;
      let previous = '';
      for (const part of segments(line, 0.8)) {
        // The title after a 重点目標 label starts wherever the label ends.
        if (previous !== '重点目標') starts.push(part.x);
        previous = part.text;
      }
    }
  }
  starts.sort((a, b) => a - b);
  // A circled number hangs left of its wrapped lines: starts less than 1.5 em apart are one column.
  const groups: number[][] = [];
  for (const x of starts) {
    const last = groups.at(-1);
    if (last && x - (last.at(-1) ?? x) <= 12) last.push(x);
    else groups.push([x]);
  }
  const chosen = groups
    .filter((g) => g.length >= 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, COLUMNS)
    .map((g) => Math.min(...g))
    .sort((a, b) => a - b);
  if (chosen.length < COLUMNS) return undefined;
  const edges = [Number.NEGATIVE_INFINITY, ...chosen.slice(1).map((x) => x - 1), Number.POSITIVE_INFINITY];
  return { edges, ruled: false };
}

export function columnOf(columns: Columns, x: number): number {
  for (let c = COLUMNS - 1; c > 0; c--) if (x >= (columns.edges[c] ?? 0) - 0.5) return c;
  return 0;
}

export interface PageGrid {
  /** Top and bottom of the table on this page (y up); undefined when the page holds no ruled table. */
  top: number;
  bottom: number;
  /** Row edges, top to bottom: a row lies between two consecutive ones. */
  rows: number[];
  /** For row r and column c: which column's cell the text belongs to (merged cells give it to the leftmost). */
  owners: number[][];
  /**
   * For row r: the row where its 番号 cell starts. A 番号 merged down a goal is printed in the middle
   * of the merged cell (Excel's and LibreOffice's default), rows below the goal's first: it belongs there.
   */
  noStarts: number[];
}

/**
 * The table's extent on the page: the longest unbroken run of rules along the line between the two
 * blocks (it crosses every row). Boxes of the form's head may share other column lines.
 */
function tableSpan(rules: readonly Rule[]): { top: number; bottom: number } | undefined {
  const sorted = [...rules].sort((a, b) => a.from - b.from);
  let best: { top: number; bottom: number } | undefined;
  let current: { top: number; bottom: number } | undefined;
  for (const rule of sorted) {
    if (current && rule.from <= current.top + 3) current.top = Math.max(current.top, rule.to);
    else current = { bottom: rule.from, top: rule.to };
    if (!best || current.top - current.bottom > best.top - best.bottom) best = { ...current };
  }
  return best;
}

/** Rows of the ruled table on one page, and which cells are merged across columns in each row. */
export function ruledGrid(page: PageContent, columns: Columns): PageGrid | undefined {
  const near = (r: Rule, x: number) => Math.abs(r.at - x) <= 2.5;
  const verticals = page.rules.filter((r) => r.dir === 'v' && columns.edges.some((x) => near(r, x)));
  const span = tableSpan(verticals.filter((r) => near(r, columns.edges[3] ?? 0)));
  if (!span) return undefined;
  const { top, bottom } = span;
  const left = columns.edges[0] ?? 0;
  const right = columns.edges[COLUMNS] ?? 0;
  const horizontals = page.rules.filter(
    (r) => r.dir === 'h' && r.at >= bottom - 2 && r.at <= top + 2 && r.to > left + 2 && r.from < right - 2,
  );
  const ys = cluster(horizontals, 1.5)
    .filter((c) => c.weight >= 10)
    .map((c) => c.at);
  const rows = [...new Set([top, ...ys, bottom])]
    .sort((a, b) => b - a)
    .filter((y, i, all) => i === 0 || (all[i - 1] ?? y) - y > 2);
  const owners = rows.slice(0, -1).map((y, r) => {
    const mid = (y + (rows[r + 1] ?? y)) / 2;
    const owner = [0];
    for (let c = 1; c < COLUMNS; c++) {
      const x = columns.edges[c] ?? 0;
      const ruled = verticals.some((v) => near(v, x) && v.from <= mid && v.to >= mid);
      owner.push(ruled ? c : (owner[c - 1] ?? 0));
    }
    return owner;
  });
  const noMiddle = ((columns.edges[0] ?? 0) + (columns.edges[1] ?? 0)) / 2;
  const crossesNo = (y: number) =>
    horizontals.some((h) => Math.abs(h.at - y) <= 1.5 && h.from <= noMiddle && h.to >= noMiddle);
  const noStarts: number[] = [];
  rows.slice(0, -1).forEach((y, r) => {
    noStarts.push(r === 0 || crossesNo(y) ? r : (noStarts[r - 1] ?? r));
  });
  return { top, bottom, rows, owners, noStarts };
}
