import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, parseDatabaseUrl } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * The migrated templates createTestDb copies (test-db.ts), made once per `npm test` run by
 * scripts/run-tests.mjs: a SQLite file always (PostgreSQL runs make SQLite databases too), and a
 * PostgreSQL database when DATABASE_URL names one. Every migration runs here, from nothing, so a
 * migration that fails fails the run before any test. The answer is the environment the test
 * processes get; dropTestTemplates removes what it names.
 */
export async function createTestTemplates(databaseUrl: string | undefined): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  try {
    await makeTemplates(databaseUrl, env);
  } catch (error) {
    await dropTestTemplates(env, databaseUrl);
    throw error;
  }
  return env;
}

async function makeTemplates(databaseUrl: string | undefined, env: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-template-'));
  const file = join(dir, 'template.sqlite');
  env.MOKUHYO_TEST_SQLITE_TEMPLATE = file;
  const lite = openDatabase({ engine: 'sqlite', target: file });
  try {
    await migrateToLatest(lite);
  } finally {
    // Closing the last connection checkpoints the WAL into the file: the file alone is the database.
    await lite.destroy();
  }

  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'postgres') {
    const name = `mokuhyo_template_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(target.target, `CREATE DATABASE ${name}`);
    const url = new URL(target.target);
    url.pathname = `/${name}`;
    env.MOKUHYO_TEST_PG_TEMPLATE = url.toString();
    // No connection may stay open on a template: CREATE DATABASE … TEMPLATE refuses then.
    const db = openDatabase({ engine: 'postgres', target: url.toString() });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
  }
}

export async function dropTestTemplates(env: Record<string, string>, databaseUrl: string | undefined) {
  const file = env.MOKUHYO_TEST_SQLITE_TEMPLATE;
  if (file) rmSync(join(file, '..'), { recursive: true, force: true });
  const template = env.MOKUHYO_TEST_PG_TEMPLATE;
  const target = parseDatabaseUrl(databaseUrl);
  if (template && target.engine === 'postgres') {
    const name = new URL(template).pathname.slice(1);
    await adminQuery(target.target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
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
