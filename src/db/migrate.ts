import { readdir } from 'node:fs/promises';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
  sql,
} from 'kysely';
import { AppError } from '../errors.ts';
import { engineOf } from './database.ts';
import type { Database } from './schema.ts';

const folder = new URL('./migrations/', import.meta.url);

/**
 * Every file in migrations/ (not tests), keyed by its timestamped name without extension, so they
 * run in name order: .ts from the sources, .js from the build (dist/), under the same names.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await readdir(folder)).filter((n) => /^\d{14}_[\w-]+\.[jt]s$/.test(n)).sort();
    const entries = await Promise.all(
      names.map(
        async (name) =>
          [name.replace(/\.[jt]s$/, ''), (await import(new URL(name, folder).href)) as Migration] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  return outcome(await migrator.migrateToLatest(), engineOf(db));
}

function outcome(result: MigrationResultSet, engine: string): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new AppError('INTERNAL', `migration ${failed} failed on ${engine}: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Any fixed bigint will do, as long as it is not Kysely's own migration lock id (3853314791062309107):
 * the migrator takes that one inside our critical section.
 */
const STARTUP_LOCK_ID = 7_240_117_301_337n;

/**
 * Runs `work` while holding a PostgreSQL session-level advisory lock, so that when several app
 * servers start at once on one database, migrations, derived-data refreshes and the demo load run
 * once: the others wait here, then find the work done. The lock lives on one pooled connection;
 * `work` uses the others. SQLite is one host's file, reached by one server: no lock is needed.
 */
export async function withStartupLock<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'postgres') return work();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(STARTUP_LOCK_ID)})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(STARTUP_LOCK_ID)})`.execute(connection);
    }
  });
}

/** Names of the migrations this code knows, in the order they run. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await new FolderMigrationProvider().getMigrations()).sort();
}

/**
 * Migrates up to `upTo` (a migration name; undefined: the latest; null: none) inside a transaction
 * the caller already opened on this one connection (`kysely.connection()`), so that a restore
 * rebuilds the schema, loads the rows and upgrades them in one transaction.
 */
export async function migrateInTransaction(
  connection: Kysely<Database>,
  engine: string,
  upTo?: string | null,
): Promise<string[]> {
  const migrator = new Migrator({
    db: connection,
    provider: new FolderMigrationProvider(),
    disableTransactions: true,
  });
  if (upTo === undefined) return outcome(await migrator.migrateToLatest(), engine);
  return outcome(await migrator.migrateTo(upTo ?? NO_MIGRATIONS), engine);
}
