import ExcelJS from 'exceljs';
import {
  documentSchema,
  type IchiranDocument,
  type ImportWarning,
} from '../../domain/document/document.schema.ts';
import { AppError } from '../../errors.ts';
import { WARNINGS_SHEET } from '../../exporters/xlsx/layout.ts';
import { cellText, notADocument } from './cells.ts';
import { readSheet } from './read-sheet.ts';
import { assertWorkbookBounds } from './workbook-bounds.ts';

/** XLSX files are ZIP archives: local file header `PK\x03\x04`. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a workbook in the form `writeWorkbook` writes: one document per worksheet, warnings from the
 * hidden 取込警告 sheet. Items get quantities extracted from their notes, as a text import does.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<IchiranDocument[]> {
  assertWorkbookBounds(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy: ExcelJS wants a plain ArrayBuffer, and `bytes` may be a view into a larger one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('NOT_A_DOCUMENT', `not an Excel workbook: ${message}`);
  }
  const warnings = readWarnings(workbook.getWorksheet(WARNINGS_SHEET));
  const sheets = workbook.worksheets.filter((ws) => ws.name !== WARNINGS_SHEET);
  if (sheets.length === 0) throw new AppError('NOT_A_DOCUMENT', 'the workbook has no 一覧表 sheet');
  return sheets.map((ws) => {
    const doc = readSheet(ws, warnings.get(ws.name) ?? []);
    const result = documentSchema.safeParse(doc);
    if (!result.success) {
      throw notADocument(ws.name, 1, `not a 一覧表: ${result.error.issues[0]?.message ?? 'invalid'}`);
    }
    return doc;
  });
}

function readWarnings(ws: ExcelJS.Worksheet | undefined): Map<string, ImportWarning[]> {
  const bySheet = new Map<string, ImportWarning[]>();
  if (!ws) return bySheet;
  for (let row = 2; row <= ws.rowCount; row += 1) {
    const [sheet, line, message] = [1, 2, 3].map((col) => cellText(ws.getCell(row, col)));
    if (!sheet || message === undefined || message === '') continue;
    const warning: ImportWarning = { message };
    if (line && /^[0-9]+$/.test(line) && Number(line) >= 1) warning.line = Number(line);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), warning]);
  }
  return bySheet;
}
