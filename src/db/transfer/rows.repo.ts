import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';
import type { Database } from '../schema.ts';
import type { Row } from './archive-format.ts';

type Q = Kysely<Database>;

/** Statements stay well under SQLite's and PostgreSQL's bind-parameter limits. */
export const MAX_PARAMETERS = 900;
export const READ_BATCH = 1000;

export async function countRows(db: Q, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every row of the table as arrays in `columns` order, ordered by its primary key, a batch at a
 * time: keyset paging on a one-column key, one ordered read otherwise.
 */
export async function* readRows(
  db: Q,
  table: string,
  columns: string[],
  pk: string[],
): AsyncGenerator<Row[]> {
  const cols = sql.join(columns.map((c) => sql.id(c)));
  const toArray = (r: Record<string, unknown>) => columns.map((c) => r[c]);
  if (pk.length !== 1) {
    const order = sql.join((pk.length > 0 ? pk : columns).map((c) => sql.id(c)));
    const { rows } = await sql<Record<string, unknown>>`select ${cols} from ${sql.table(table)}
      order by ${order}`.execute(db);
    if (rows.length > 0) yield rows.map(toArray);
    return;
  }
  const key = sql.id(pk[0]!);
  let after: unknown;
  for (;;) {
    const where = after === undefined ? sql`` : sql`where ${key} > ${after}`;
    const { rows } = await sql<Record<string, unknown>>`select ${cols} from ${sql.table(table)} ${where}
      order by ${key} limit ${READ_BATCH}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map(toArray);
    after = rows.at(-1)?.[pk[0]!];
    if (rows.length < READ_BATCH) return;
  }
}

/** Values better-sqlite3 cannot bind take the form SQLite itself would store. */
function bindable(engine: Engine, value: unknown): unknown {
  if (engine !== 'sqlite') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

export async function insertRows(
  db: Q,
  engine: Engine,
  table: string,
  columns: string[],
  rows: Row[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const cols = sql.join(columns.map((c) => sql.id(c)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map((r) => sql`(${sql.join(r.map((v) => bindable(engine, v)))})`);
    await sql`insert into ${sql.table(table)} (${cols}) values ${sql.join(values)}`.execute(db);
  }
}
