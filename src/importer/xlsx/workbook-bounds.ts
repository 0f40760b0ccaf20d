/**
 * Bounds a workbook before ExcelJS expands it. ExcelJS inflates every entry into memory and
 * creates every row up to the last cell (and every cell of a merge or data-validation range), so a
 * 9 KB file with one cell at XFD1000000 or a 1.5 MB ZIP of 1.5 GB froze the server. Here the ZIP
 * central directory is read, every entry is inflated with a cap on what it may produce (a ZIP may
 * lie about its sizes), and the worksheets' cell references are checked.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../errors.ts';

export interface WorkbookLimits {
  uncompressedBytes: number;
  entries: number;
  rows: number;
  columns: number;
  cells: number;
}

/** A 一覧表 sheet has 5 columns and a few hundred rows; these leave ample room. */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  uncompressedBytes: 64 * 1024 * 1024,
  entries: 1000,
  rows: 20_000,
  columns: 64,
  cells: 200_000,
};

const WHAT_TO_DO = 'keep only the 一覧表 sheets, delete unused rows and columns, save and import again';

function tooLarge(what: string): AppError {
  return new AppError('IMPORT_TOO_COMPLEX', `the workbook is too large to import: ${what}; ${WHAT_TO_DO}`);
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function notAZip(): AppError {
  return new AppError('NOT_A_DOCUMENT', 'not an Excel workbook: the ZIP directory is damaged');
}

function readDirectory(view: DataView, limits: WorkbookLimits): Entry[] {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let end = view.byteLength - 22;
  const stop = Math.max(0, end - 0xffff);
  while (end >= stop && view.getUint32(end, true) !== EOCD) end -= 1;
  if (end < stop) throw notAZip();
  const count = view.getUint16(end + 10, true);
  if (count > limits.entries) throw tooLarge(`${count} files inside (limit ${limits.entries})`);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) throw notAZip();
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > view.byteLength) throw notAZip();
    entries.push({
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

/** The entry's bytes, inflated to at most `budget` bytes. */
function inflateEntry(bytes: Uint8Array, view: DataView, entry: Entry, budget: number): Uint8Array {
  const local = entry.localOffset;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) throw notAZip();
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw notAZip();
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.byteLength > budget) throw new RangeError('over budget');
    return data;
  }
  if (entry.method !== 8)
    throw new AppError('NOT_A_DOCUMENT', `not an Excel workbook: ${entry.name} uses an unknown compression`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw notAZip();
  }
}

/** `AB12` → [row 12, column 28]; missing parts (`A:A`, `1:1`) are unbounded. */
function cellPosition(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?([0-9]{0,7})$/.exec(ref);
  if (!m) return undefined;
  const letters = (m[1] ?? '').toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  return {
    row: m[2] ? Number(m[2]) : Number.POSITIVE_INFINITY,
    column: letters ? column : Number.POSITIVE_INFINITY,
  };
}

/** Tags whose cell references ExcelJS expands into rows and cells. */
const expandingTag = /<(row|c|dimension|mergeCell|dataValidation)\b([^<>]*)>/g;
const attribute = /\b(r|ref|sqref)="([^"]*)"/;

class SheetScan {
  cells = 0;
  private row = 0;
  private column = 0;

  constructor(
    private readonly sheet: string,
    private readonly limits: WorkbookLimits,
  ) {}

  private check(row: number, column: number, what: string): void {
    const { rows, columns } = this.limits;
    if (row > rows || column > columns) {
      throw tooLarge(`${this.sheet} reaches ${what} (limit ${rows} rows, ${columns} columns)`);
    }
  }

  private checkRanges(value: string, tag: string): void {
    for (const range of value.trim().split(/\s+/)) {
      for (const ref of range.split(':')) {
        const at = cellPosition(ref);
        if (at) this.check(at.row, at.column, `${ref} in <${tag}>`);
      }
    }
  }

  scan(xml: string): void {
    for (const m of xml.matchAll(expandingTag)) {
      const tag = m[1] ?? '';
      const value = attribute.exec(m[2] ?? '')?.[2];
      if (tag === 'row') {
        this.row = value === undefined ? this.row + 1 : Number(value);
        this.column = 0;
        this.check(this.row, 0, `row ${value ?? this.row}`);
      } else if (tag === 'c') {
        this.cells += 1;
        const at = value === undefined ? undefined : cellPosition(value);
        this.column = at && Number.isFinite(at.column) ? at.column : this.column + 1;
        this.check(at && Number.isFinite(at.row) ? at.row : this.row, this.column, `cell ${value ?? ''}`);
      } else if (value !== undefined) {
        this.checkRanges(value, tag);
      }
    }
  }
}

/** @throws AppError IMPORT_TOO_COMPLEX when the workbook exceeds a limit, NOT_A_DOCUMENT when its ZIP is damaged. */
export function assertWorkbookBounds(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(view, limits);
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const limitMb = limits.uncompressedBytes / 1024 / 1024;
  const sizeError = (size: string) => tooLarge(`${size} once unpacked (limit ${limitMb} MB)`);
  if (declared > limits.uncompressedBytes) throw sizeError(`${Math.ceil(declared / 1024 / 1024)} MB`);
  let used = 0;
  let cells = 0;
  const decoder = new TextDecoder();
  for (const entry of entries) {
    let data: Uint8Array;
    try {
      data = inflateEntry(bytes, view, entry, limits.uncompressedBytes - used);
    } catch (error) {
      // The directory understated the size: the entry grew past what was left.
      if (error instanceof RangeError) throw sizeError('more');
      throw error;
    }
    used += data.byteLength;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const scan = new SheetScan(entry.name, limits);
    scan.scan(decoder.decode(data));
    cells += scan.cells;
    if (cells > limits.cells) throw tooLarge(`more than ${limits.cells} cells`);
  }
}
