import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP reader and writer so tests can take a workbook apart, damage one XML part the way a
 * broken tool or a truncated download does, and put it back together (no archive library needed).
 */
export type ZipEntries = Map<string, Uint8Array>;

export function unzip(zip: Uint8Array): ZipEntries {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP archive');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntries = new Map();
  for (let i = 0; i < count; i += 1) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? new Uint8Array(inflateRawSync(data)) : data.slice());
    at += 46 + skip;
  }
  return entries;
}

/**
 * An entry that expands to `prefix + chunk × times + suffix` without ever holding that in memory: the
 * chunk is deflated once as an independent block (full flush resets the window) and the block is
 * repeated, which is how a zip bomb is made (1.5 MB → 1.5 GB).
 */
export interface Repeated {
  prefix: string;
  chunk: string;
  times: number;
  suffix: string;
}

const block = (text: string) =>
  deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
/** A final, empty block with fixed codes: ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function packed(content: Uint8Array | string | Repeated): { data: Buffer; crc: number; size: number } {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return { data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
  }
  const chunk = Buffer.from(content.chunk, 'utf8');
  const repeated = block(content.chunk);
  let crc = crc32(content.prefix);
  for (let i = 0; i < content.times; i += 1) crc = crc32(chunk, crc);
  crc = crc32(content.suffix, crc);
  const data = Buffer.concat([
    block(content.prefix),
    ...Array.from({ length: content.times }, () => repeated),
    block(content.suffix),
    FINAL_BLOCK,
  ]);
  const size =
    Buffer.byteLength(content.prefix) + chunk.length * content.times + Buffer.byteLength(content.suffix);
  return { data, crc, size };
}

/** Deflated entries, written in the order given. */
export function zip(entries: ZipEntries | Iterable<[string, Uint8Array | string | Repeated]>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const { data, crc, size } = packed(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = centrals.length / 2;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A copy of the workbook with one XML part rewritten. */
export function editPart(workbook: Uint8Array, path: string, edit: (xml: string) => string): Uint8Array {
  const entries = unzip(workbook);
  const part = entries.get(path);
  if (!part) throw new Error(`no ${path} in the workbook`);
  entries.set(path, new TextEncoder().encode(edit(new TextDecoder().decode(part))));
  return zip(entries);
}

/** A copy of the workbook with one part replaced (by a zip-bomb part, for instance). */
export function replacePart(
  workbook: Uint8Array,
  path: string,
  content: Uint8Array | string | Repeated,
): Uint8Array {
  const entries: Array<[string, Uint8Array | string | Repeated]> = [...unzip(workbook)];
  const at = entries.findIndex(([name]) => name === path);
  if (at < 0) throw new Error(`no ${path} in the workbook`);
  entries[at] = [path, content];
  return zip(entries);
}
