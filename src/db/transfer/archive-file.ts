import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../../errors.ts';
import {
  type ArchiveHeader,
  decodeValue,
  encodeValue,
  parseHeader,
  type Row,
  type TransferSink,
} from './archive-format.ts';

/**
 * The archive on disk: gzip'd JSON lines. Line 1 is the header; then, per table in the header's
 * order, `{"table":NAME}` and one JSON array per row; last `{"end":true,"rows":TOTAL}`. A file that
 * lacks the last line is incomplete and is refused whole.
 *
 * It is written to FILE.partial and renamed when complete, so FILE is never a half-written backup.
 */
export function archiveWriter(
  path: string,
): TransferSink & { bytes(): Promise<number>; abort(): Promise<void> } {
  const partial = `${path}.partial`;
  const gzip = createGzip();
  let done: Promise<void> | undefined;
  let total = 0;
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  let table: string | undefined;
  let pending: string[] = [];
  return {
    async begin(header) {
      done = pipeline(gzip, createWriteStream(partial, { flags: 'w', mode: 0o600 }));
      done.catch(() => undefined);
      await write(header);
      // Tables without rows still get their marker: the reader checks every table arrived.
      pending = header.tables.map((t) => t.name);
    },
    async rows(name, rows) {
      while (table !== name) {
        table = pending.shift();
        if (table === undefined) throw new AppError('INTERNAL', `rows for ${name} out of order`);
        await write({ table });
      }
      // One write per batch: a zlib call per row costs more than the rows themselves.
      let text = '';
      for (const row of rows) text += `${JSON.stringify(row.map(encodeValue))}\n`;
      if (text && !gzip.write(text)) await once(gzip, 'drain');
      total += rows.length;
    },
    async end() {
      for (const name of pending) await write({ table: name });
      pending = [];
      await write({ end: true, rows: total });
      gzip.end();
      await done;
      // On disk before it takes its name: a crash must not leave a short file called FILE.
      const file = await open(partial, 'r+');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(partial, path);
    },
    bytes: async () => (await stat(path)).size,
    async abort() {
      gzip.destroy();
      await done?.catch(() => undefined);
      await rm(partial, { force: true });
    },
  };
}

const BATCH = 500;

/**
 * Reads an archive into `sink`, checking as it goes: the header first, tables in the header's
 * order, every row as wide as its table, the trailer last. Rows reach the sink in batches.
 */
export async function readArchive(path: string, sink: TransferSink): Promise<ArchiveHeader> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  // pipe() does not forward errors: a missing file must still end the loop below.
  file.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  let header: ArchiveHeader | undefined;
  let lineNo = 0;
  let tableIndex = -1;
  let batch: Row[] = [];
  let ended = false;
  const flush = async () => {
    if (header && batch.length > 0) await sink.rows(header.tables[tableIndex]!.name, batch);
    batch = [];
  };
  try {
    for await (const line of lines) {
      lineNo += 1;
      if (ended) throw new AppError('PARSE_ERROR', 'data after the end of the backup', { line: lineNo });
      const value = parseLine(line, lineNo);
      if (!header) {
        header = parseHeader(value, path);
        await sink.begin(header);
        continue;
      }
      if (Array.isArray(value)) {
        const table = header.tables[tableIndex];
        if (!table || value.length !== table.columns.length) {
          throw new AppError('PARSE_ERROR', 'a row that fits no table', { line: lineNo });
        }
        batch.push(value.map(decodeValue));
        if (batch.length >= BATCH) await flush();
        continue;
      }
      const marker = value as { table?: unknown; end?: unknown };
      if (typeof marker.table === 'string') {
        await flush();
        tableIndex += 1;
        if (header.tables[tableIndex]?.name !== marker.table) {
          throw new AppError('PARSE_ERROR', `table ${marker.table} out of order`, { line: lineNo });
        }
        continue;
      }
      if (marker.end === true) {
        await flush();
        if (tableIndex !== header.tables.length - 1) {
          throw new AppError('PARSE_ERROR', 'the backup ends before all its tables', { line: lineNo });
        }
        ended = true;
        continue;
      }
      throw new AppError('PARSE_ERROR', 'unexpected line', { line: lineNo });
    }
  } catch (error) {
    throw located(error, path);
  } finally {
    file.destroy();
    gunzip.destroy();
  }
  if (!header) throw new AppError('NOT_A_DOCUMENT', `${path} is empty, not a mokuhyo backup`);
  if (!ended) {
    throw new AppError(
      'PARSE_ERROR',
      `${path} is incomplete (it stops at line ${lineNo}): use another backup`,
    );
  }
  await sink.end();
  return header;
}

function parseLine(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new AppError('PARSE_ERROR', `not JSON: ${(error as Error).message}`, { line: lineNo });
  }
}

/** Gzip and file errors become messages about the file; errors of the sink pass through. */
function located(error: unknown, path: string): unknown {
  if (error instanceof AppError) {
    return error.location.line === undefined || error.location.file ? error : error.withFile(path);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `no such file: ${path}`);
  if (code === 'Z_DATA_ERROR')
    return new AppError('NOT_A_DOCUMENT', `${path} is not a mokuhyo backup (not gzip)`);
  if (code === 'Z_BUF_ERROR') {
    return new AppError('PARSE_ERROR', `${path} is cut short (incomplete gzip): use another backup`);
  }
  return error;
}
