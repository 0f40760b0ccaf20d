import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Engine } from '../database.ts';
import { knownMigrations, migrateInTransaction } from '../migrate.ts';
import type { Database } from '../schema.ts';
import type { ArchiveHeader, Row, TableInfo, TransferSink } from './archive-format.ts';
import {
  dropSchema,
  holdsData,
  listDataTables,
  primaryKey,
  setLastId,
  tableColumns,
} from './catalog.repo.ts';
import { insertRows } from './rows.repo.ts';

export interface LoadOptions {
  /** Replace a database that holds data (restore --force); otherwise such a target is refused. */
  replace: boolean;
  /** Where the data comes from, for messages: a file name or a database location. */
  source: string;
  /**
   * Fills derived data the newer migrations leave behind (search grades), in the same transaction.
   * The caller's step, so the db layer calls no service (operations passes fillDerivedData).
   */
  afterUpgrade: (conn: Kysely<Database>, applied: string[]) => Promise<void>;
}

export interface LoadResult {
  tables: number;
  rows: number;
  /** Migrations run after loading, to bring an older archive up to this code. */
  upgradedWith: string[];
}

/**
 * Loads a snapshot into a database, inside the caller's transaction on `conn`: builds the schema the
 * rows were written under (dropping what was there), inserts them with their ids, moves the id
 * sequences past them, then runs the newer migrations. Any failure rolls all of it back.
 */
export function databaseLoader(
  conn: Kysely<Database>,
  engine: Engine,
  options: LoadOptions,
): TransferSink & { result(): LoadResult } {
  let header: ArchiveHeader | undefined;
  const loaded = new Map<string, number>();
  let upgradedWith: string[] = [];
  let current: TableInfo | undefined;

  return {
    async begin(h) {
      header = h;
      await checkLevel(h.migrations, options.source);
      const occupied = await holdsData(conn, engine);
      if (occupied && !options.replace) {
        throw new AppError(
          'CONFLICT',
          `the target database already holds data (table ${occupied}): give an empty database, or --force to replace it`,
        );
      }
      await dropSchema(conn, engine);
      await migrateInTransaction(conn, engine, h.migrations.at(-1) ?? null);
      await checkTables(conn, engine, h, options.source);
    },
    async rows(table, rows: Row[]) {
      if (current?.name !== table) {
        current = header?.tables.find((t) => t.name === table);
        if (!current) throw new AppError('PARSE_ERROR', `${options.source}: rows for unknown table ${table}`);
      }
      if (engine === 'postgres') refuseNul(current, rows, options.source);
      await insertRows(conn, engine, table, current.columns, rows);
      loaded.set(table, (loaded.get(table) ?? 0) + rows.length);
    },
    async end() {
      if (!header) throw new AppError('INTERNAL', 'end before begin');
      for (const t of header.tables) {
        const n = loaded.get(t.name) ?? 0;
        if (n !== t.rows) {
          throw new AppError(
            'PARSE_ERROR',
            `${options.source}: table ${t.name} has ${n} rows, the header says ${t.rows}: the backup is damaged`,
          );
        }
        const pk = await primaryKey(conn, engine, t.name);
        if (pk.length === 1) await setLastId(conn, engine, t.name, pk[0]!, t.lastId);
      }
      upgradedWith = await migrateInTransaction(conn, engine);
      await options.afterUpgrade(conn, upgradedWith);
    },
    result: () => ({
      tables: header?.tables.length ?? 0,
      rows: [...loaded.values()].reduce((a, b) => a + b, 0),
      upgradedWith,
    }),
  };
}

/** An archive may be older than the code (it is upgraded after loading), never newer. */
async function checkLevel(archived: string[], source: string): Promise<void> {
  const known = await knownMigrations();
  const unknown = archived.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${source} was written by a newer mokuhyo (migration ${unknown.join(', ')} is unknown here): restore it with that version or a later one`,
    );
  }
  const gap = archived.findIndex((m, i) => known[i] !== m);
  if (gap >= 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${source} skips migration ${known[gap]}: it does not come from a mokuhyo release this one can upgrade`,
    );
  }
}

async function checkTables(conn: Kysely<Database>, engine: Engine, h: ArchiveHeader, source: string) {
  const built = await listDataTables(conn, engine);
  const archived = h.tables.map((t) => t.name).sort();
  if (built.join() !== archived.join()) {
    throw new AppError(
      'INVALID_INPUT',
      `${source}: its tables (${archived.join(', ')}) differ from the schema at migration ${h.migrations.at(-1) ?? '(none)'} (${built.join(', ')})`,
    );
  }
  for (const t of h.tables) {
    const columns = (await tableColumns(conn, engine, t.name)).sort().join();
    if (columns !== [...t.columns].sort().join()) {
      throw new AppError('INVALID_INPUT', `${source}: the columns of ${t.name} differ from the schema`);
    }
  }
}

/** SQLite keeps U+0000 in text, PostgreSQL cannot: say where it is instead of failing mid-copy. */
function refuseNul(table: TableInfo, rows: Row[], source: string): void {
  for (const row of rows) {
    const at = row.findIndex((v) => typeof v === 'string' && v.includes('\u0000'));
    if (at < 0) continue;
    const id = table.columns.includes('id') ? ` id ${String(row[table.columns.indexOf('id')])}` : '';
    throw new AppError(
      'INVALID_INPUT',
      `${source}: ${table.name}${id}, column ${table.columns[at]}, holds a NUL character, which PostgreSQL cannot store: remove it in the source, then copy again`,
    );
  }
}
