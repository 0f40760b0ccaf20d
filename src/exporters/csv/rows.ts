import type { Block, Goal, Item } from '../../domain/document/document.schema.ts';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { TableExport } from '../types.ts';
import {
  blockLabels,
  type ColumnSpec,
  comparatorLabels,
  itemColumns,
  noteLabels,
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
