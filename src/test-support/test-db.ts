import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openDatabase, parseDatabaseUrl } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * A fresh, migrated database on the engine DATABASE_URL names (SQLite when unset), so the same
 * repository tests run against real SQLite and real PostgreSQL. Each call gets its own database.
 */
export interface TestDb extends Db {
  /** A DATABASE_URL that opens this same database, for child processes (CLI, server). */
  url: string;
}

export async function createTestDb(databaseUrl = process.env.DATABASE_URL): Promise<TestDb> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-test-'));
    const file = join(dir, 'test.sqlite');
    const db = openDatabase({ engine: 'sqlite', target: file });
    await migrateToLatest(db.kysely);
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
  const admin = new pg.Client({ connectionString: target.target });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target.target);
  url.pathname = `/${name}`;
  const db = openDatabase({ engine: 'postgres', target: url.toString() });
  await migrateToLatest(db.kysely);
  return {
    ...db,
    url: url.toString(),
    destroy: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: target.target });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
