import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { openPublicReader } from '../../domain/publication/reader.ts';
import { AppError } from '../../errors.ts';
import { type CsvEncoding, contentTypeOf, exportCsv, interimRows, toCsv } from '../../exporters/csv/index.ts';
import { loadTables } from '../../exporters/export.service.ts';
import { contentDisposition, downloadName, type FileRef, type OpenDataFile } from './open-data.urls.ts';

export interface Download {
  body: Uint8Array;
  headers: Record<string, string>;
}

/** `?encoding=`: absent or utf8 → UTF-8 with BOM; cp932 (or its usual aliases) → Shift_JIS. */
export function parseEncoding(value: string | undefined, file: OpenDataFile): CsvEncoding {
  const name = (value ?? 'utf8').toLowerCase().replace(/[-_]/g, '');
  if (name === 'utf8') return 'utf8';
  if (file !== 'tables.json' && ['cp932', 'shiftjis', 'sjis', 'windows31j'].includes(name)) return 'cp932';
  throw new AppError('INVALID_INPUT', `encoding "${value}" is not offered for ${file}`, {
    field: 'encoding',
  });
}

/** Builds one open-data file from the published tables; NOT_FOUND when nothing of it is published. */
export async function buildDownload(db: Kysely<Database>, ref: FileRef): Promise<Download> {
  const tables = await loadTables(db, {
    municipality: ref.code,
    department: ref.departmentId === undefined ? undefined : String(ref.departmentId),
    planYear: ref.planYear,
    audience: 'public',
  });
  const first = tables[0]!;
  const name = downloadName(
    ref,
    first.municipality.name,
    ref.departmentId === undefined ? undefined : first.department.name,
  );
  let body: Uint8Array;
  let contentType: string;
  if (ref.file === 'tables.json') {
    // The interchange JSON exactly as `mokuhyo export --format json` writes it: one document, or an array.
    const documents = tables.map((t) => t.document);
    const value = ref.departmentId === undefined ? documents : documents[0];
    body = new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
    contentType = 'application/json; charset=utf-8';
  } else if (ref.file === 'interim.csv') {
    // Published 中間報告 only, through the public reader: none when the city keeps them internal.
    const reader = await openPublicReader(db, ref.code);
    const rows = await reader.interimRows(ref.planYear, ref.departmentId);
    const municipality = { localGovCode: reader.municipality.local_gov_code, name: reader.municipality.name };
    const encoding = ref.encoding ?? 'utf8';
    body = toCsv(interimRows(municipality, rows), { encoding }).bytes;
    contentType = contentTypeOf(encoding);
  } else {
    const table = ref.file === 'items.csv' ? 'items' : 'quantities';
    const out = exportCsv(tables, { table, encoding: ref.encoding ?? 'utf8' });
    body = typeof out.body === 'string' ? new TextEncoder().encode(out.body) : out.body;
    contentType = out.contentType;
  }
  return {
    body,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(ref, name),
      'Cache-Control': 'no-cache',
    },
  };
}
