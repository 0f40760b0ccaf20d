import { AppError } from '../../errors.ts';
import { guard } from '../../spreadsheet/formula-guard.ts';
import type { ColumnSpec } from './columns.ts';
import { encodeCp932, toCp932Text } from './cp932.ts';
import { formatPlainNumber } from './number-format.ts';
import type { CsvCell, CsvTable } from './rows.ts';

export type CsvEncoding = 'utf8' | 'cp932';

export interface Unencodable {
  /** The row as a spreadsheet numbers it: the header is row 1, the first record row 2. */
  row: number;
  column: string;
  char: string;
}

export interface CsvBytes {
  bytes: Uint8Array;
  unencodable: Unencodable[];
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const CRLF = '\r\n';

/**
 * Text cells that would start a formula get a leading `'` (see formula-guard.ts). Number cells are
 * real numbers we wrote, so -5 stays -5; code cells hold only values from the column's fixed list
 * (e.g. the comparator `=`), never user text.
 */
export const neutralise = guard;

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: CsvCell, column: ColumnSpec): string {
  if (cell === null) return '';
  if (column.kind === 'number') {
    if (typeof cell !== 'number') throw new AppError('INTERNAL', `column ${column.name}: not a number`);
    return formatPlainNumber(cell);
  }
  const text = String(cell);
  if (column.kind === 'code') {
    if (!column.values?.includes(text)) {
      throw new AppError('INTERNAL', `column ${column.name}: "${text}" is not one of its codes`);
    }
    return text;
  }
  return neutralise(text);
}

/**
 * RFC 4180 CSV: one header row, CRLF line ends, quotes only where needed. UTF-8 starts with a BOM
 * (so Excel reads it as UTF-8); CP932 replaces what it cannot hold and reports every replacement.
 */
export function toCsv(table: CsvTable, options: { encoding?: CsvEncoding } = {}): CsvBytes {
  const encoding = options.encoding ?? 'utf8';
  const unencodable: Unencodable[] = [];
  const lines: string[] = [];
  const records = [table.columns.map((c) => c.name), ...table.rows];
  records.forEach((record, index) => {
    if (record.length !== table.columns.length) {
      throw new AppError(
        'INTERNAL',
        `CSV row ${index + 1} has ${record.length} cells, not ${table.columns.length}`,
      );
    }
    const cells = record.map((cell, c) => {
      // The header row is the column names themselves, written as they are.
      const column = table.columns[c]!;
      let text = index === 0 ? String(cell) : cellText(cell, column);
      if (encoding === 'cp932') {
        const safe = toCp932Text(text);
        text = safe.text;
        for (const char of safe.replaced) unencodable.push({ row: index + 1, column: column.name, char });
      }
      return quote(text);
    });
    lines.push(cells.join(','));
  });
  const text = lines.map((l) => l + CRLF).join('');
  if (encoding === 'cp932') return { bytes: encodeCp932(text), unencodable };
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(BOM.length + body.length);
  bytes.set(BOM);
  bytes.set(body, BOM.length);
  return { bytes, unencodable };
}
