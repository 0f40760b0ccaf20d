import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openDatabase, parseDatabaseUrl } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * A fresh, migrated database on the engine DATABASE_URL names (SQLite when unset), so the same
 * repository tests run against real SQLite and real PostgreSQL. Each call gets its own database.
 *
 * Under `npm test` (scripts/run-tests.mjs) the migrations run once per engine and run, into a
 * template (test-template.ts); each database here is then a copy of it: a file copy on SQLite,
 * CREATE DATABASE … TEMPLATE on PostgreSQL. Same schema, same rows as migrating it here. A test of
 * the migrations themselves asks for `{ fromEmpty: true }`: they run here, from nothing.
 */
export interface TestDb extends Db {
  /** A DATABASE_URL that opens this same database, for child processes (CLI, server). */
  url: string;
}

export interface TestDbOptions {
  /** Run every migration on an empty database here rather than copy the run's migrated template. */
  fromEmpty?: boolean;
}

/** Where run-tests.mjs left the templates (test-template.ts); unset outside `npm test`. */
const SQLITE_TEMPLATE = 'MOKUHYO_TEST_SQLITE_TEMPLATE';
const PG_TEMPLATE = 'MOKUHYO_TEST_PG_TEMPLATE';

export async function createTestDb(
  databaseUrl = process.env.DATABASE_URL,
  options: TestDbOptions = {},
): Promise<TestDb> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-test-'));
    const file = join(dir, 'test.sqlite');
    const template = options.fromEmpty ? undefined : process.env[SQLITE_TEMPLATE];
    if (template) copyFileSync(template, file);
    const db = openDatabase({ engine: 'sqlite', target: file });
    if (!template) await migrateToLatest(db);
    return {
      ...db,
      url: `sqlite:${file}`,
      destroy: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `mokuhyo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.fromEmpty ? undefined : pgTemplateOn(target.target);
  await adminQuery(
    target.target,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
  const db = openDatabase({ engine: 'postgres', target: withDatabase(target.target, name) });
  if (!template) await migrateToLatest(db);
  return {
    ...db,
    url: withDatabase(target.target, name),
    destroy: async () => {
      await db.destroy();
      await adminQuery(target.target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The template database's name, when the run made one on this server. */
function pgTemplateOn(serverUrl: string): string | undefined {
  const template = process.env[PG_TEMPLATE];
  if (!template) return undefined;
  const url = new URL(template);
  const name = url.pathname.slice(1);
  return withDatabase(serverUrl, name) === template && /^\w+$/.test(name) ? name : undefined;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
