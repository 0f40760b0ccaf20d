import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, PostgresIntrospector, SqliteDialect, SqliteIntrospector } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.ts';
import { logger } from '../logger.ts';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

/**
 * The open database as its owner holds it: the composition root (server, CLI commands, test set-up,
 * backup/restore/copy) opens and closes it. Everything that queries takes `Kysely<Database>` (its `kysely`,
 * or a transaction of it) and asks `engineOf` when it needs the engine.
 */
export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /** Where it is, for logs: the file path or the URL without its password. */
  location: string;
  destroy(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/mokuhyo.sqlite';

export interface DbTarget {
  engine: Engine;
  /** File path (sqlite) or connection string (postgres). */
  target: string;
}

/** `DATABASE_URL`: unset → ./data/mokuhyo.sqlite; `sqlite:PATH`; `postgres://…` / `postgresql://…`. */
export function parseDatabaseUrl(url: string | undefined): DbTarget {
  if (!url) return { engine: 'sqlite', target: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path)
      throw new AppError('CONFIG_ERROR', 'DATABASE_URL=sqlite: needs a path', { field: 'DATABASE_URL' });
    return { engine: 'sqlite', target: path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', target: url };
  throw new AppError(
    'CONFIG_ERROR',
    `unsupported DATABASE_URL "${redact(url)}": use sqlite:PATH or postgres://…`,
    {
      field: 'DATABASE_URL',
    },
  );
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openDatabase(target: DbTarget): Db {
  if (target.engine === 'sqlite') {
    if (target.target !== ':memory:') mkdirSync(dirname(resolve(target.target)), { recursive: true });
    const sqlite = new BetterSqlite3(target.target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, engine: 'sqlite', location: target.target, destroy: () => kysely.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.target, max: 10 });
  // An idle connection the server closes (restart, failover, pg_terminate_backend) is an event, not a
  // crash: without a listener pg rethrows it as an uncaught exception. The pool opens a new one.
  pool.on('error', (error) =>
    logger.warn({ err: error, db: redact(target.target) }, 'idle database connection lost'),
  );
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, engine: 'postgres', location: redact(target.target), destroy: () => kysely.destroy() };
}

/**
 * The engine behind a handle, a transaction of it included, read from its dialect (the introspector it
 * makes, which runs no query): what a query needs when SQLite and PostgreSQL differ.
 */
export function engineOf(db: Kysely<Database>): Engine {
  const introspector = db.introspection;
  if (introspector instanceof SqliteIntrospector) return 'sqlite';
  if (introspector instanceof PostgresIntrospector) return 'postgres';
  throw new AppError('INTERNAL', 'the database handle is neither SQLite nor PostgreSQL');
}
