import { readdir } from 'node:fs/promises';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import { AppError } from '../errors.ts';
import type { Db } from './database.ts';

const folder = new URL('./migrations/', import.meta.url);

/** Every file in migrations/ (not tests), keyed by its timestamped name, so they run in name order. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await readdir(folder)).filter((n) => /^\d{14}_[\w-]+\.ts$/.test(n)).sort();
    const entries = await Promise.all(
      names.map(
        async (name) =>
          [name.replace(/\.ts$/, ''), (await import(new URL(name, folder).href)) as Migration] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new FolderMigrationProvider() });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new AppError('INTERNAL', `migration ${failed} failed on ${db.engine}: ${cause}`);
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
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.engine !== 'postgres') return work();
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(STARTUP_LOCK_ID)})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(STARTUP_LOCK_ID)})`.execute(connection);
    }
  });
}
