import type { Block } from '../format/document.schema.ts';

/**
 * ids of the 一覧表's header cells, referenced by the data cells' `headers` attribute (WCAG H43).
 * `prefix` keeps them unique when one page shows several tables (the import preview).
 */
export function tableIds(prefix = '') {
  return {
    caption: `${prefix}ichiran-caption`,
    no: `${prefix}th-no`,
    block: (b: Block) => `${prefix}th-${b}`,
    item: (b: Block) => `${prefix}th-${b}-item`,
    note: (b: Block) => `${prefix}th-${b}-note`,
    /** The goal's number, heading both blocks' rows of that goal (scope="rowgroup"). */
    row: (no: number) => `${prefix}th-row-${no}`,
    /** The goal's title on one side (or the header saying that side has no goal of this number). */
    goal: (no: number, b: Block) => `${prefix}th-row-${no}-${b}`,
  };
}

export type TableIds = ReturnType<typeof tableIds>;

/** The ids of the single table on the 一覧表 page (search results link to its goal titles). */
export const headerIds: TableIds = tableIds();

/**
 * Every header cell that applies to an item or note cell: the block heading (令和N年度…), the
 * column heading, the goal's number and the goal's title on that side. Not the titles of other
 * goals above it in the same column: a goal's items end where the next goal's title row begins.
 */
export function itemCellHeaders(ids: TableIds, no: number, block: Block, column: 'item' | 'note'): string {
  const heading = column === 'item' ? ids.item(block) : ids.note(block);
  return `${ids.block(block)} ${heading} ${ids.row(no)} ${ids.goal(no, block)}`;
}

/** The empty number cell of a goal's item rows: under 番号, in that goal's row group. */
export function numberCellHeaders(ids: TableIds, no: number): string {
  return `${ids.no} ${ids.row(no)}`;
}
