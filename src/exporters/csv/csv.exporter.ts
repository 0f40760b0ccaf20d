import type { ExportOutput, TableExport } from '../types.ts';
import { CP932_REPLACEMENT } from './cp932.ts';
import { type CsvEncoding, toCsv, type Unencodable } from './csv-format.ts';
import { type CsvTable, itemsRows, quantityRows } from './rows.ts';

export const csvTables = ['items', 'quantities'] as const;
export type CsvTableName = (typeof csvTables)[number];

export interface CsvExportOptions {
  table: CsvTableName;
  encoding?: CsvEncoding;
}

/** The notice lists this many replacements; a long tail is counted, not spelled out. */
const LISTED = 20;

export function contentTypeOf(encoding: CsvEncoding): string {
  return encoding === 'cp932' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8';
}

/** One of the open-data tables as CSV, with a notice naming every character CP932 could not hold. */
export function exportCsv(tables: TableExport[], options: CsvExportOptions): ExportOutput {
  const encoding = options.encoding ?? 'utf8';
  const table: CsvTable = options.table === 'items' ? itemsRows(tables) : quantityRows(tables);
  const { bytes, unencodable } = toCsv(table, { encoding });
  const output: ExportOutput = { contentType: contentTypeOf(encoding), extension: 'csv', body: bytes };
  if (unencodable.length > 0) output.notices = [unencodableNotice(unencodable)];
  return output;
}

export function unencodableNotice(list: Unencodable[]): string {
  const shown = list.slice(0, LISTED).map((u) => `${u.row}行目 ${u.column} 「${u.char}」`);
  const rest = list.length > LISTED ? ` ほか ${list.length - LISTED} 件` : '';
  return `CP932 で表せない文字 ${list.length} 件を「${CP932_REPLACEMENT}」に置き換えました: ${shown.join('、')}${rest}`;
}
