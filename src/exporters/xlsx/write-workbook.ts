import type ExcelJS from 'exceljs';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { guard } from '../../spreadsheet/formula-guard.ts';
import { PRINT_TITLE_ROWS, ROW, WARNINGS_HEADER, WARNINGS_SHEET } from '../../spreadsheet/layout.ts';
import type { TableExport } from '../types.ts';
import { sheetNames } from './sheet-names.ts';
import { TEXT_FORMAT } from './styles.ts';
import { writeSheet } from './write-sheet.ts';

export interface WorkbookOptions {
  /** The workbook's created/modified date (tests pin it). */
  now?: Date;
}

const A4 = 9;

/**
 * The 一覧表 as an Excel workbook in the official form: one worksheet per department, A4 landscape,
 * one page wide, header rows repeated on every printed page. Import warnings travel in a hidden
 * sheet so that reading the workbook back gives the same documents.
 */
export async function writeWorkbook(
  tables: TableExport[],
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  // Imported on the first workbook written (tens of MB once loaded), not when the server starts.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'mokuhyo';
  workbook.lastModifiedBy = 'mokuhyo';
  workbook.created = now;
  workbook.modified = now;
  workbook.title = '重点目標一覧表';
  const municipality = tables[0]?.municipality.name;
  if (municipality !== undefined) workbook.company = municipality;

  const names = sheetNames(
    tables.map((t) => t.document.department),
    [WARNINGS_SHEET],
  );
  tables.forEach((table, index) => {
    const ws = workbook.addWorksheet(names[index], {
      views: [{ state: 'frozen', ySplit: ROW.headers, showGridLines: false }],
      pageSetup: {
        paperSize: A4,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: PRINT_TITLE_ROWS,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.25 },
      },
      headerFooter: { oddFooter: '&C&P / &N' },
    });
    writeSheet(ws, table.document);
  });
  writeWarnings(
    workbook,
    tables.map((t, i) => [names[i] ?? '', t.document]),
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeWarnings(workbook: ExcelJS.Workbook, sheets: Array<[string, IchiranDocument]>): void {
  const rows = sheets.flatMap(([sheet, doc]) =>
    doc.warnings.map((w) => [sheet, w.line === undefined ? '' : String(w.line), w.message]),
  );
  if (rows.length === 0) return;
  const ws = workbook.addWorksheet(WARNINGS_SHEET, { state: 'hidden' });
  ws.columns = [{ width: 30 }, { width: 8 }, { width: 80 }];
  for (const values of [[...WARNINGS_HEADER], ...rows]) {
    const row = ws.addRow(values.map(guard));
    row.eachCell((cell) => {
      cell.numFmt = TEXT_FORMAT;
    });
  }
}
