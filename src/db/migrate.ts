import { readdir } from 'node:fs/promises';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
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
