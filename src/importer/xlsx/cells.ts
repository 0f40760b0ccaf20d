import type { Cell, CellValue, Worksheet } from 'exceljs';
import { AppError } from '../../errors.ts';
import { unguard } from '../../spreadsheet/formula-guard.ts';

/**
 * The text of a cell value, whatever a spreadsheet program (or a damaged file) made of it. ExcelJS's own
 * `cell.text` returns a non-string for a shared string that is an empty `<si/>` or for a string cell
 * without a shared-strings part, and throws for a rich text without runs (issue 13, defect 10b); this
 * never throws and always gives a string.
 */
export function valueText(value: CellValue | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value !== 'object') return '';
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) {
    return record.richText
      .map((run: unknown) => {
        const text = run && typeof run === 'object' ? (run as { text?: unknown }).text : undefined;
        return typeof text === 'string' ? text : '';
      })
      .join('');
  }
  if ('text' in record) return valueText(record.text);
  if ('result' in record) return valueText(record.result);
  if (typeof record.error === 'string') return record.error;
  return '';
}

/**
 * A cell's text whatever a spreadsheet program made of it (string, number, rich text, formula result).
 * A string loses the `'` the exporter's formula guard put in front of it, and only that one.
 */
export function cellText(cell: Cell): string {
  return typeof cell.value === 'string' ? unguard(cell.value) : valueText(cell.value);
}

export function textAt(ws: Worksheet, row: number, col: number): string {
  let cell: Cell | undefined;
  try {
    cell = ws.getCell(row, col);
    return cellText(cell);
  } catch (error) {
    throw damagedWorkbook({ field: ws.name, line: row, cell: cell?.address }, error);
  }
}

/** True for the top-left cell of a merge and for unmerged cells: the cells that hold their own value. */
export function ownsValue(cell: Cell): boolean {
  return cell.master.address === cell.address;
}

export function notADocument(sheet: string, row: number, message: string): AppError {
  return new AppError('NOT_A_DOCUMENT', message, { line: row, field: sheet });
}

export const DAMAGED_WORKBOOK_MESSAGE = 'the Excel workbook is damaged or is not an .xlsx file';

/**
 * What a reader failure becomes when the spreadsheet library itself gave up: the user learns where
 * (sheet, cell) as far as known; the library's words stay in `cause`, for the logs.
 */
export function damagedWorkbook(location: { field?: string; line?: number; cell?: string }, cause: unknown) {
  if (cause instanceof AppError) return cause;
  const where = [location.field && `sheet "${location.field}"`, location.cell && `cell ${location.cell}`]
    .filter(Boolean)
    .join(', ');
  const clean = Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined));
  return new AppError(
    'NOT_A_DOCUMENT',
    where ? `${DAMAGED_WORKBOOK_MESSAGE} (${where})` : DAMAGED_WORKBOOK_MESSAGE,
    clean,
    {
      cause,
    },
  );
}
