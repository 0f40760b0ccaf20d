import type { Worksheet } from 'exceljs';
import { cellText, damagedWorkbook } from '../cells.ts';

/** One cell of a sheet as a person sees it: a merged range shows its master's text in every cell. */
export interface GridCell {
  text: string;
  /** True for the cell that holds the value (an unmerged cell, or a merge's top-left cell). */
  owner: boolean;
}

export interface Grid {
  sheet: string;
  rows: number;
  cols: number;
  at(row: number, col: number): GridCell;
}

const EMPTY: GridCell = { text: '', owner: false };

/**
 * The sheet as a grid of texts, merges resolved. Sizes come from the sheet's own dimensions, which
 * workbook-bounds has already capped before the workbook was loaded.
 */
export function gridOf(ws: Worksheet): Grid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const cells: GridCell[][] = [];
  for (let r = 1; r <= rows; r += 1) {
    const line: GridCell[] = [];
    for (let c = 1; c <= cols; c += 1) {
      let address: string | undefined;
      try {
        const cell = ws.getCell(r, c);
        address = cell.address;
        const master = cell.master ?? cell;
        line.push({ text: cellText(master), owner: master.address === cell.address });
      } catch (error) {
        throw damagedWorkbook({ field: ws.name, line: r, cell: address }, error);
      }
    }
    cells.push(line);
  }
  return { sheet: ws.name, rows, cols, at: (r, c) => cells[r - 1]?.[c - 1] ?? EMPTY };
}

/** Label comparison ignores every kind of space (a clerk's 担当部局名　, 番 号). */
export const compact = (text: string) => text.replace(/[\s\u3000]+/g, '');
