export { type ColumnKind, type ColumnSpec, interimColumns, itemColumns, quantityColumns } from './columns.ts';
export { CP932_REPLACEMENT } from './cp932.ts';
export { type CsvTableName, contentTypeOf, csvTables, exportCsv, unencodableNotice } from './csv.exporter.ts';
export { type CsvBytes, type CsvEncoding, neutralise, toCsv, type Unencodable } from './csv-format.ts';
export {
  type CsvCell,
  type CsvRow,
  type CsvTable,
  type InterimCsvRow,
  interimRows,
  itemsRows,
  quantityRows,
} from './rows.ts';
