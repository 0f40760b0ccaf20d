import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { type Db, openDatabase, parseDatabaseUrl } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { adminQuery, adminRows, withDatabase } from './pg-admin.ts';

/**
 * The templates createTestDb copies (test-db.ts), made once per `npm test` run by
 * scripts/run-tests.mjs:
 * - migrated: a SQLite file always (PostgreSQL runs make SQLite databases too), and a PostgreSQL
 *   database when DATABASE_URL names one. Every migration runs here, from nothing, so a migration
 *   that fails fails the run before any test;
 * - migrated with the demo city loaded (loadDemo), on DATABASE_URL's engine.
 * The answer is the environment the test processes get; dropTestTemplates removes what it names.
 */
export async function createTestTemplates(databaseUrl: string | undefined): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const target = parseDatabaseUrl(databaseUrl);
  const results = await Promise.allSettled([
    sqliteTemplates(env, target.engine === 'sqlite'),
    target.engine === 'postgres' ? postgresTemplates(target.target, env) : Promise.resolve(),
  ]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    await dropTestTemplates(env, databaseUrl);
    throw failed.reason;
  }
  return env;
}

async function sqliteTemplates(env: Record<string, string>, withDemo: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-template-'));
  env.MOKUHYO_TEST_SQLITE_DIR = dir;
  const file = join(dir, 'template.sqlite');
  // Closing the last connection checkpoints the WAL into the file: the file alone is the database.
  await using(openDatabase({ engine: 'sqlite', target: file }), migrateToLatest);
  env.MOKUHYO_TEST_SQLITE_TEMPLATE = file;
  if (!withDemo) return;
  const demo = join(dir, 'demo.sqlite');
  copyFileSync(file, demo);
  await using(openDatabase({ engine: 'sqlite', target: demo }), loadDemo);
  env.MOKUHYO_TEST_SQLITE_DEMO = demo;
}

async function postgresTemplates(serverUrl: string, env: Record<string, string>): Promise<void> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const plain = `mokuhyo_template_${id}`;
  const demo = `mokuhyo_template_demo_${id}`;
  env.MOKUHYO_TEST_PG_RUN = id;
  await dropOrphans(serverUrl);
  // Named before it exists, so that a failure halfway still drops it.
  env.MOKUHYO_TEST_PG_TEMPLATE = withDatabase(serverUrl, plain);
  await adminQuery(serverUrl, `CREATE DATABASE ${plain}`);
  // No connection may stay open on a template: CREATE DATABASE … TEMPLATE refuses then.
  await using(openDatabase({ engine: 'postgres', target: withDatabase(serverUrl, plain) }), migrateToLatest);
  env.MOKUHYO_TEST_PG_DEMO = withDatabase(serverUrl, demo);
  await adminQuery(serverUrl, `CREATE DATABASE ${demo} TEMPLATE ${plain}`);
  await using(openDatabase({ engine: 'postgres', target: withDatabase(serverUrl, demo) }), loadDemo);
}

export async function dropTestTemplates(env: Record<string, string>, databaseUrl: string | undefined) {
  if (env.MOKUHYO_TEST_SQLITE_DIR) rmSync(env.MOKUHYO_TEST_SQLITE_DIR, { recursive: true, force: true });
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine !== 'postgres') return;
  const run = env.MOKUHYO_TEST_PG_RUN;
  const runDatabases = run
    ? (await testDatabaseNames(target.target)).filter((name) => name.startsWith(`mokuhyo_test_${run}_`))
    : [];
  const templates = [env.MOKUHYO_TEST_PG_DEMO, env.MOKUHYO_TEST_PG_TEMPLATE].flatMap((url) =>
    url ? [new URL(url).pathname.slice(1)] : [],
  );
  // The run's test databases (test-db.ts leaves them to the end of the run), then its templates.
  await dropAll(target.target, runDatabases);
  await dropAll(target.target, templates);
}

async function using(db: Db, work: (db: Kysely<Database>) => Promise<unknown>): Promise<void> {
  try {
    await work(db.kysely);
  } finally {
    await db.destroy();
  }
}

/** Every template and test database on the server, of any run. */
async function testDatabaseNames(serverUrl: string): Promise<string[]> {
  const rows = await adminRows(
    serverUrl,
    "SELECT datname FROM pg_database WHERE datname LIKE 'mokuhyo\\_test\\_%' OR datname LIKE 'mokuhyo\\_template\\_%'",
  );
  return rows.flatMap((row) => (row.datname ? [row.datname] : []));
}

/**
 * Templates and test databases a run left when it was killed before its clean-up (kill -9), dropped
 * by the next run: their names start with the pid of the process that made them, and that process is
 * gone from this machine.
 */
async function dropOrphans(serverUrl: string): Promise<void> {
  const names = await testDatabaseNames(serverUrl);
  await dropAll(
    serverUrl,
    names.filter((name) => {
      const pid = /^mokuhyo_(?:template_(?:demo_)?|test_)(\d+)_/.exec(name)?.[1];
      return pid !== undefined && !alive(Number(pid));
    }),
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function dropAll(serverUrl: string, names: string[]): Promise<void> {
  // Eight at a time: each DROP asks for a checkpoint, and requests made together share one.
  for (let i = 0; i < names.length; i += 8) {
    await Promise.all(
      names
        .slice(i, i + 8)
        .map((name) => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    );
  }
}
