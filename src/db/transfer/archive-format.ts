import { z } from 'zod';
import { AppError } from '../../errors.ts';

/**
 * The one portable form of a whole database, used by backup, restore and `db copy` alike: a header,
 * then each table's rows, then a trailer. On disk it is gzip'd JSON lines (archive-file.ts); in a copy
 * the same events go straight from the source snapshot to the target.
 *
 * Values are JSON where JSON is exact (strings, finite numbers: JavaScript prints the shortest text
 * that reads back to the same double, null); everything else is tagged so it comes back the same.
 */
export const ARCHIVE_FORMAT = 'mokuhyo-backup';
export const ARCHIVE_VERSION = 1;

export const tableInfoSchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
  /** The highest id the table ever issued (its sequence), so deleted ids are not issued again. */
  lastId: z.number().int().nonnegative(),
});
export type TableInfo = z.infer<typeof tableInfoSchema>;

export const headerSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  engine: z.enum(['sqlite', 'postgres']),
  createdAt: z.string(),
  /** Applied migrations, in name order: the schema the rows belong to. */
  migrations: z.array(z.string()),
  /** In an order that inserts every referenced row before the rows that reference it. */
  tables: z.array(tableInfoSchema),
});
export type ArchiveHeader = z.infer<typeof headerSchema>;

export type Row = unknown[];

/** Where a snapshot goes: an archive file, or a database being loaded. Called in this order. */
export interface TransferSink {
  begin(header: ArchiveHeader): Promise<void>;
  /** Rows of `table`, in the header's column order; tables arrive in the header's order. */
  rows(table: string, rows: Row[]): Promise<void>;
  end(): Promise<void>;
}

type Tagged =
  | { $: 'float'; v: 'Infinity' | '-Infinity' | 'NaN' | '-0' }
  | { $: 'bytes'; v: string }
  | { $: 'bigint'; v: string }
  | { $: 'date'; v: string };

/** A stored value → JSON value. */
export function encodeValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $: 'float', v: 'NaN' } satisfies Tagged;
    if (value === Number.POSITIVE_INFINITY) return { $: 'float', v: 'Infinity' } satisfies Tagged;
    if (value === Number.NEGATIVE_INFINITY) return { $: 'float', v: '-Infinity' } satisfies Tagged;
    if (Object.is(value, -0)) return { $: 'float', v: '-0' } satisfies Tagged;
    return value;
  }
  if (typeof value === 'bigint') return { $: 'bigint', v: value.toString() } satisfies Tagged;
  if (value instanceof Date) return { $: 'date', v: value.toISOString() } satisfies Tagged;
  if (value instanceof Uint8Array) {
    return { $: 'bytes', v: Buffer.from(value).toString('base64') } satisfies Tagged;
  }
  if (value === undefined) return null;
  throw new AppError('INTERNAL', `cannot archive a value of type ${typeof value}`);
}

const taggedSchema = z.discriminatedUnion('$', [
  z.object({ $: z.literal('float'), v: z.enum(['Infinity', '-Infinity', 'NaN', '-0']) }),
  z.object({ $: z.literal('bytes'), v: z.string() }),
  z.object({ $: z.literal('bigint'), v: z.string().regex(/^-?\d+$/) }),
  z.object({ $: z.literal('date'), v: z.string() }),
]);

/** JSON value → the value to store; the inverse of encodeValue. */
export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const parsed = taggedSchema.safeParse(value);
  if (!parsed.success)
    throw new AppError('PARSE_ERROR', `unknown value in archive: ${JSON.stringify(value)}`);
  const t = parsed.data;
  switch (t.$) {
    case 'float':
      return t.v === '-0' ? -0 : Number(t.v);
    case 'bytes':
      return Buffer.from(t.v, 'base64');
    case 'bigint':
      return BigInt(t.v);
    case 'date':
      return new Date(t.v);
  }
}

/** Header fields as they are about to be written, checked so a bad snapshot never becomes a file. */
export function parseHeader(value: unknown, where: string): ArchiveHeader {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== ARCHIVE_FORMAT) {
    throw new AppError('NOT_A_DOCUMENT', `${where} is not a mokuhyo backup`);
  }
  const version = (value as { version?: unknown }).version;
  if (version !== ARCHIVE_VERSION) {
    throw new AppError(
      'INVALID_INPUT',
      `${where} is a backup of format version ${String(version)}; this mokuhyo reads version ${ARCHIVE_VERSION}: use the mokuhyo that wrote it, or a newer one`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('PARSE_ERROR', `${where}: damaged backup header: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}
