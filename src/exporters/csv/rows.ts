import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { Block, Goal, Item } from '../../format/document.schema.ts';
import type { TableExport } from '../types.ts';
import {
  blockLabels,
  type ColumnSpec,
  comparatorLabels,
  interimColumns,
  itemColumns,
  noteLabels,
  notStartedLabels,
  quantityColumns,
  quantityKindLabels,
} from './columns.ts';

/** A cell: numbers stay numbers (written plain, never neutralised), null is an empty cell. */
export type CsvCell = string | number | null;
export type CsvRow = readonly CsvCell[];

export interface CsvTable {
  columns: readonly ColumnSpec[];
  rows: CsvRow[];
}

interface ItemContext {
  table: TableExport;
  block: Block;
  fiscalYear: number;
  goal: Goal;
  item: Item;
}

// Long format: the review block (left of the form) before the plan block, in the document's own order.
function* eachItem(tables: TableExport[]): Generator<ItemContext> {
  for (const table of tables) {
    for (const block of ['review', 'plan'] as const) {
      const side = table.document[block];
      for (const goal of side.goals) {
        for (const item of goal.items) yield { table, block, fiscalYear: side.fiscalYear, goal, item };
      }
    }
  }
}

function keys(c: ItemContext): CsvCell[] {
  return [c.block, blockLabels[c.block], c.fiscalYear, formatFiscalYear(c.fiscalYear), c.goal.no];
}

/** The items table: one row per 取組 of either block. */
export function itemsRows(tables: TableExport[]): CsvTable {
  const rows: CsvRow[] = [];
  for (const c of eachItem(tables)) {
    const note = c.block === 'plan' ? c.item.target : c.item.achievement;
    rows.push([
      c.table.municipality.localGovCode ?? null,
      c.table.municipality.name,
      c.table.document.department,
      ...keys(c),
      c.goal.title,
      c.item.no,
      c.item.unit ?? null,
      c.item.text,
      noteLabels[c.block],
      note ?? null,
      c.item.quantities?.length ?? 0,
    ]);
  }
  return { columns: itemColumns, rows };
}

/** The quantities table: one row per number read from a target or achievement. */
export function quantityRows(tables: TableExport[]): CsvTable {
  const rows: CsvRow[] = [];
  for (const c of eachItem(tables)) {
    (c.item.quantities ?? []).forEach((q, index) => {
      rows.push([
        c.table.municipality.localGovCode ?? null,
        c.table.document.department,
        ...keys(c),
        c.item.no,
        index + 1,
        quantityKindLabels[c.block],
        q.value,
        q.unit,
        comparatorLabels[q.comparator],
        q.comparator,
        q.text ?? null,
      ]);
    });
  }
  return { columns: quantityColumns, rows };
}

/** What interim.csv needs of one published 中間報告 row (domain/publication's PublicInterimRow). */
export interface InterimCsvRow {
  departmentName: string;
  year: number;
  goalNo: number;
  goalTitle: string;
  itemNo: number;
  itemText: string;
  progress: string;
  notStarted: boolean;
  publishedAt: string | null;
}

/** The interim table: rows as the publication reader gives them (department, goal, item order). */
export function interimRows(
  municipality: { localGovCode: string | null; name: string },
  rows: readonly InterimCsvRow[],
): CsvTable {
  return {
    columns: interimColumns,
    rows: rows.map((r) => [
      municipality.localGovCode,
      municipality.name,
      r.departmentName,
      r.year,
      formatFiscalYear(r.year),
      r.goalNo,
      r.goalTitle,
      r.itemNo,
      r.itemText,
      r.notStarted ? notStartedLabels.yes : notStartedLabels.no,
      r.progress === '' ? null : r.progress,
      r.publishedAt === null ? null : tokyoIso(r.publishedAt),
    ]),
  };
}

/** 2025-11-10T00:30:00.000Z → 2025-11-10T09:30:00+09:00: Japan has no daylight saving time. */
function tokyoIso(iso: string): string {
  const t = new Date(Date.parse(iso) + 9 * 3600_000).toISOString();
  return `${t.slice(0, 19)}+09:00`;
}
