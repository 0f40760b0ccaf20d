import type { Cell, Worksheet } from 'exceljs';
import { AppError } from '../../errors.ts';
import { unguard } from '../../exporters/formula-guard.ts';

/**
 * A cell's text whatever a spreadsheet program made of it (string, number, rich text, formula result).
 * A string loses the `'` the exporter's formula guard put in front of it, and only that one.
 */
export function cellText(cell: Cell): string {
  if (cell.value === null || cell.value === undefined) return '';
  return typeof cell.value === 'string' ? unguard(cell.value) : cell.text;
}

export function textAt(ws: Worksheet, row: number, col: number): string {
  return cellText(ws.getCell(row, col));
}

/** True for the top-left cell of a merge and for unmerged cells: the cells that hold their own value. */
export function ownsValue(cell: Cell): boolean {
  return cell.master.address === cell.address;
}

export function notADocument(sheet: string, row: number, message: string): AppError {
  return new AppError('NOT_A_DOCUMENT', message, { line: row, field: sheet });
}
