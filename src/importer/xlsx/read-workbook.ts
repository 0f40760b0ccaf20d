import type ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { documentSchema, type IchiranDocument, type ImportWarning } from '../../format/document.schema.ts';
import { COL, DEPARTMENT_LABEL, FORM_TITLE, ROW, WARNINGS_SHEET } from '../../spreadsheet/layout.ts';
import { cellText, DAMAGED_WORKBOOK_MESSAGE, damagedWorkbook, notADocument, textAt } from './cells.ts';
import { findTable } from './city/find-table.ts';
import { gridOf } from './city/grid.ts';
import { readCitySheet } from './city/read-city-sheet.ts';
import { readSheet } from './read-sheet.ts';
import { assertWorkbookBounds } from './workbook-bounds.ts';

/** ExcelJS (tens of MB once loaded) comes with the first workbook read, not when the server starts. */
export const loadExcelJs = () => import('exceljs').then((m) => m.default);

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
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  checkSharedStrings(workbook, excel.ValueType.String);
  try {
    // A copy: ExcelJS wants a plain ArrayBuffer, and `bytes` may be a view into a larger one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    // Zip, XML and model errors come in the library's words ("Cannot set properties of undefined");
    // the user gets one plain statement, the logs get the cause.
    throw damagedWorkbook({}, error);
  }
  let sheetName: string | undefined;
  try {
    const warnings = readWarnings(workbook.getWorksheet(WARNINGS_SHEET));
    const sheets = workbook.worksheets.filter((ws) => ws.name !== WARNINGS_SHEET);
    if (sheets.length === 0) throw new AppError('NOT_A_DOCUMENT', 'the workbook has no 一覧表 sheet');
    // mokuhyo's own export keeps its fixed form; anything else is a city's workbook, read by its labels.
    if (!sheets.every(isOwnForm)) return readCityWorkbook(sheets, (name) => (sheetName = name));
    return sheets.map((ws) => {
      sheetName = ws.name;
      const doc = readSheet(ws, warnings.get(ws.name) ?? []);
      const result = documentSchema.safeParse(doc);
      if (!result.success) {
        throw notADocument(ws.name, 1, `not a 一覧表: ${result.error.issues[0]?.message ?? 'invalid'}`);
      }
      return doc;
    });
  } catch (error) {
    throw damagedWorkbook({ field: sheetName }, error);
  }
}

/**
 * The exporter's form, recognised by its title and 担当部局名 label at their fixed cells: such a sheet is
 * read by the fixed layout, whose errors name the exact cell that was changed.
 */
function isOwnForm(ws: ExcelJS.Worksheet): boolean {
  return (
    textAt(ws, ROW.title, COL.no).trim() === FORM_TITLE &&
    textAt(ws, ROW.department, COL.planItem).trim() === DEPARTMENT_LABEL
  );
}

export const NO_TABLE_MESSAGE = 'no sheet of the workbook holds a 一覧表';

/** One document per sheet that holds a table; sheets without one (a cover, a memo) are passed over. */
function readCityWorkbook(sheets: ExcelJS.Worksheet[], reading: (name: string) => void): IchiranDocument[] {
  const docs: IchiranDocument[] = [];
  for (const ws of sheets) {
    reading(ws.name);
    const grid = gridOf(ws);
    const frame = findTable(grid);
    if (frame) docs.push(readCitySheet(grid, frame));
  }
  if (docs.length === 0) {
    throw notADocument(
      sheets[0]?.name ?? '',
      1,
      `${NO_TABLE_MESSAGE}: expected 担当部局名, two year headings (令和N年度) and the column headings 取組項目, 達成状況・達成度, 期限・数値目標等`,
    );
  }
  return docs;
}

interface CellModel {
  address?: unknown;
  type?: unknown;
  value?: unknown;
}
interface LoadedModel {
  worksheets?: Array<{ sheetNo?: unknown; rows?: Array<{ cells?: CellModel[] } | undefined> }>;
  sheets?: Array<{ name?: unknown; rId?: unknown }>;
  workbookRels?: Array<{ Id?: unknown; Target?: unknown }>;
  sharedStrings?: { values?: unknown[] };
}

/**
 * ExcelJS looks a string cell's shared string up without checking the index, so a cell pointing past
 * the end of sharedStrings.xml (a truncated or hand-edited file) crashes it with "Cannot read properties
 * of undefined (reading 'richText')". Its `reconcile` step is where the lookup happens; checking just
 * before it names the cell instead. Private API: if a later ExcelJS drops the method, the check is
 * skipped and the crash still ends as a plain "damaged workbook" error.
 */
function checkSharedStrings(workbook: ExcelJS.Workbook, STRING_TYPE: ExcelJS.ValueType): void {
  const xlsx = workbook.xlsx as unknown as { reconcile?: (model: LoadedModel, options: unknown) => void };
  const reconcile = xlsx.reconcile;
  if (typeof reconcile !== 'function') return;
  xlsx.reconcile = function checked(model: LoadedModel, options: unknown) {
    const count = model.sharedStrings?.values?.length ?? 0;
    for (const sheet of model.worksheets ?? []) {
      for (const row of sheet.rows ?? []) {
        for (const cell of row?.cells ?? []) {
          if (cell.type !== STRING_TYPE || typeof cell.value !== 'number') continue;
          if (Number.isInteger(cell.value) && cell.value >= 0 && cell.value < count) continue;
          const address = typeof cell.address === 'string' ? cell.address : undefined;
          throw new AppError(
            'NOT_A_DOCUMENT',
            `${DAMAGED_WORKBOOK_MESSAGE} (sheet "${sheetNameOf(model, sheet.sheetNo)}", cell ${address ?? '?'}: its text is missing from the workbook)`,
            { field: sheetNameOf(model, sheet.sheetNo), ...(address ? { cell: address } : {}) },
          );
        }
      }
    }
    return reconcile.call(this, model, options);
  };
}

/** Worksheet parts are numbered by file (`sheet3.xml`); the name lives in workbook.xml via the rels. */
function sheetNameOf(model: LoadedModel, sheetNo: unknown): string {
  const target = `worksheets/sheet${String(sheetNo)}.xml`;
  const rel = model.workbookRels?.find((r) => typeof r.Target === 'string' && r.Target.endsWith(target));
  const name = model.sheets?.find((s) => s.rId === rel?.Id)?.name;
  return typeof name === 'string' ? name : `sheet${String(sheetNo)}`;
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
