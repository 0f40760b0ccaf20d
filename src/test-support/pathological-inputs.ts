/**
 * The inputs of issue 13 (defect 3) that froze the server, generated: kept here so the benchmark
 * (bench/pathological.bench.ts) and the regression tests read exactly the same bytes.
 */
import { crc32, deflateRawSync, constants as zlib } from 'node:zlib';
import JSZip from 'jszip';
import { tablesOf } from '../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../exporters/xlsx/write-workbook.ts';
import { makeDocument } from './factories.ts';

export interface PathologicalInput {
  name: string;
  description: string;
  bytes: () => Promise<Uint8Array>;
}

const encoder = new TextEncoder();
const HEADER = '重点目標一覧表\n担当部局名 総務部\n【令和3年度重点目標】\n【令和4年度重点目標】\n';

const text = (body: string): Uint8Array => encoder.encode(`${HEADER}${body}\n`);

/**
 * `担当部局名 x`, `【重点目標】` × count and a last `x` on one line (20,000: 360 KB): the markers
 * almost reach the end of the line, which is what made the department pattern backtrack.
 */
export function departmentLine(count = 20_000): Uint8Array {
  return encoder.encode(`重点目標一覧表\n担当部局名 x${'【重点目標】'.repeat(count)}x\n`);
}

/** A goal row whose cell is `<p ` × count, never closed. */
export function unclosedParagraphs(count = 40_000): Uint8Array {
  return text(`1\t${'<p '.repeat(count)}`);
}

/** One cell holding `<p>① x</p>` × count. */
export function itemsInOneCell(count = 20_000): Uint8Array {
  return text(`1\t${'<p>① x</p>'.repeat(count)}`);
}

/** A goal row followed by count - 1 continuation rows, each another ①. */
export function continuationRows(count = 20_000): Uint8Array {
  return text(`1\t① x\n${'\t① x\n'.repeat(count - 1)}`);
}

/** Continuation rows each with an item ① and a note ㊿ that matches no item. */
export function orphanNotes(count = 20_000): Uint8Array {
  return text(`1\t① x\t㊿ y\n${'\t① x\t㊿ y\n'.repeat(count - 1)}`);
}

interface ZipEntry {
  name: string;
  /** Raw deflate data, possibly in independently compressed segments. */
  deflated: Uint8Array[];
  crc: number;
  size: number;
}

function deflatedEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, deflated: [deflateRawSync(data)], crc: crc32(data), size: data.byteLength };
}

/** A ZIP archive (no ZIP64: every size must stay below 4 GiB). */
function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const compressed = entry.deflated.reduce((n, d) => n + d.byteLength, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(compressed, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.byteLength, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, ...entry.deflated);
    central.push(record, name);
    offset += 30 + name.byteLength + compressed;
  }
  const size = central.reduce((n, c) => n + c.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** The entries of a small, valid workbook in the exporter's form, with sheet1 rewritten by `edit`. */
async function editedWorkbook(edit: (name: string, bytes: Uint8Array) => ZipEntry): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await writeWorkbook(tablesOf(makeDocument())));
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    entries.push(edit(file.name, await file.async('uint8array')));
  }
  return zipOf(entries);
}

/** The exporter's workbook plus one cell at XFD1000000 (and the dimension Excel would write for it). */
export function farCellWorkbook(): Promise<Uint8Array> {
  return editedWorkbook((name, bytes) => {
    if (name !== SHEET) return deflatedEntry(name, bytes);
    const xml = new TextDecoder()
      .decode(bytes)
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1000000"/>')
      .replace(
        '</sheetData>',
        '<row r="1000000"><c r="XFD1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
      );
    return deflatedEntry(name, encoder.encode(xml));
  });
}

/**
 * The exporter's workbook with `megabytes` MiB of spaces inside sheet1's <sheetData>: about
 * 1.5 MB of ZIP that expands to 1.5 GB. The run is deflated once and its segment repeated (a
 * full flush makes each segment independent), so building it takes no time and no memory.
 */
export function zipBombWorkbook(megabytes = 1_500): Promise<Uint8Array> {
  return editedWorkbook((name, bytes) => {
    if (name !== SHEET) return deflatedEntry(name, bytes);
    const xml = new TextDecoder().decode(bytes);
    const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const head = encoder.encode(xml.slice(0, at));
    const tail = encoder.encode(xml.slice(at));
    const run = new Uint8Array(1024 * 1024).fill(0x20);
    const flush = { finishFlush: zlib.Z_FULL_FLUSH };
    const segment = deflateRawSync(run, flush);
    let crc = crc32(head);
    for (let i = 0; i < megabytes; i++) crc = crc32(run, crc);
    crc = crc32(tail, crc);
    return {
      name,
      deflated: [
        deflateRawSync(head, flush),
        ...Array<Uint8Array>(megabytes).fill(segment),
        deflateRawSync(tail),
      ],
      crc,
      size: head.byteLength + megabytes * run.byteLength + tail.byteLength,
    };
  });
}

export const pathologicalInputs: readonly PathologicalInput[] = [
  {
    name: 'department-line',
    description: '担当部局名 x + 【重点目標】×20,000 on one line',
    bytes: async () => departmentLine(),
  },
  {
    name: 'department-line-1.5MB',
    description: '担当部局名 x + 【重点目標】×83,000 on one line',
    bytes: async () => departmentLine(83_000),
  },
  { name: 'unclosed-p', description: '1⇥ + <p ×40,000', bytes: async () => unclosedParagraphs() },
  {
    name: 'items-in-one-cell',
    description: '20,000 <p>① x</p> in one cell',
    bytes: async () => itemsInOneCell(),
  },
  {
    name: 'continuation-rows',
    description: '20,000 continuation rows',
    bytes: async () => continuationRows(),
  },
  {
    name: 'orphan-notes',
    description: '20,000 rows of item ① with note ㊿',
    bytes: async () => orphanNotes(),
  },
  { name: 'far-cell-xlsx', description: 'xlsx with one cell at XFD1000000', bytes: farCellWorkbook },
  { name: 'zip-bomb-xlsx', description: 'xlsx zip bomb, 1.5 MB → 1.5 GB', bytes: () => zipBombWorkbook() },
];
