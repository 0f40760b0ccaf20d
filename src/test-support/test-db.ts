import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, type DbTarget, openDatabase, parseDatabaseUrl } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { adminQuery, withDatabase } from './pg-admin.ts';

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
  /**
   * With the demo city loaded (loadDemo, the real importer), as a server finds it after its first
   * start: a copy of the run's demo template when there is one, else loaded here.
   */
  demo?: boolean;
}

/** Where run-tests.mjs left the templates (test-template.ts); unset outside `npm test`. */
const TEMPLATES = {
  sqlite: { plain: 'MOKUHYO_TEST_SQLITE_TEMPLATE', demo: 'MOKUHYO_TEST_SQLITE_DEMO' },
  postgres: { plain: 'MOKUHYO_TEST_PG_TEMPLATE', demo: 'MOKUHYO_TEST_PG_DEMO' },
} as const;

export async function createTestDb(
  databaseUrl = process.env.DATABASE_URL,
  options: TestDbOptions = {},
): Promise<TestDb> {
  const target = parseDatabaseUrl(databaseUrl);
  const names = TEMPLATES[target.engine];
  const demoTemplate = options.demo && !options.fromEmpty ? usable(target, names.demo) : undefined;
  const template = demoTemplate ?? (options.fromEmpty ? undefined : usable(target, names.plain));
  const db = await createDb(target, template);
  if (options.demo && !demoTemplate) {
    const { loadDemo } = await import('../demo/load-demo.ts');
    await loadDemo(db.kysely);
  }
  return db;
}

/**
 * The template the environment variable names, when this target can copy it: any SQLite file, or a
 * PostgreSQL database (its name) on the same server.
 */
function usable(target: DbTarget, variable: string): string | undefined {
  const template = process.env[variable];
  if (!template || target.engine === 'sqlite') return template || undefined;
  const name = new URL(template).pathname.slice(1);
  return withDatabase(target.target, name) === template && /^\w+$/.test(name) ? name : undefined;
}

/** A database copied from `template` (a SQLite file or a PostgreSQL database's name), or migrated here. */
async function createDb(target: DbTarget, template: string | undefined): Promise<TestDb> {
  if (target.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-test-'));
    const file = join(dir, 'test.sqlite');
    if (template) copyFileSync(template, file);
    const db = openDatabase({ engine: 'sqlite', target: file });
    if (!template) await migrateToLatest(db.kysely);
    return {
      ...db,
      url: `sqlite:${file}`,
      destroy: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // A copy of the run's template is dropped when the run ends (test-template.ts), not here: DROP
  // DATABASE forces a checkpoint, and one per test file made every test's next writes log whole
  // pages again. Alone (no template), a test drops its own.
  const run = template ? process.env.MOKUHYO_TEST_PG_RUN : undefined;
  const name = `mokuhyo_test_${run ? `${run}_` : ''}${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(
    target.target,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
  const db = openDatabase({ engine: 'postgres', target: withDatabase(target.target, name) });
  if (!template) await migrateToLatest(db.kysely);
  return {
    ...db,
    url: withDatabase(target.target, name),
    destroy: async () => {
      await db.destroy();
      if (!run) await adminQuery(target.target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
