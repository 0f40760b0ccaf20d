import iconv from 'iconv-lite';

/**
 * A strict RFC 4180 reader for tests: records end in CRLF (a bare LF outside quotes is an error),
 * quoted fields may hold anything. Independent of the writer so tests check the bytes, not itself.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (ch === '\r' || ch === '\n' || ch === '"') {
      throw new Error(`bare ${JSON.stringify(ch)} outside quotes at ${i}`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record does not end in CRLF');
  return records;
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** UTF-8 CSV bytes → records; fails unless the bytes start with exactly one BOM. */
export function parseUtf8Csv(bytes: Uint8Array): string[][] {
  if (![...bytes.subarray(0, 3)].every((b, i) => b === UTF8_BOM[i])) throw new Error('no UTF-8 BOM');
  return parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)));
}

export function parseCp932Csv(bytes: Uint8Array): string[][] {
  return parseCsv(iconv.decode(Buffer.from(bytes), 'cp932'));
}

/** Records as objects keyed by the header row. */
export function asObjects(records: string[][]): Array<Record<string, string>> {
  const [header, ...rows] = records;
  if (!header) throw new Error('no header row');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
