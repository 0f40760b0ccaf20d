import type { Cell, Worksheet } from 'exceljs';
import { AppError } from '../../errors.ts';

/** A cell's text whatever a spreadsheet program made of it (string, number, rich text, formula result). */
export function cellText(cell: Cell): string {
  return cell.value === null || cell.value === undefined ? '' : cell.text;
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
