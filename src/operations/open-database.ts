import type { Kysely } from 'kysely';
import { type Db, type DbTarget, openDatabase } from '../db/database.ts';
import { migrateToLatest, withStartupLock } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { refreshAllGrades } from '../search/grade-index.ts';
import { refoldStale } from '../search/refold.repo.ts';

/** The migration that added search grades; they are derived data, filled in by the application. */
const SEARCH_GRADE_MIGRATION = '20261124008000_search_grade';

/** Whether these newly applied migrations leave derived data for the application to fill in. */
export function needsDerivedData(applied: string[]): boolean {
  return applied.includes(SEARCH_GRADE_MIGRATION);
}

/**
 * Fills in what newly applied migrations leave to the application (search grades), in the caller's
 * transaction: the restore and copy loaders run it after upgrading an older archive.
 */
export async function fillDerivedData(conn: Kysely<Database>, applied: string[]): Promise<void> {
  if (needsDerivedData(applied)) await refreshAllGrades(conn);
}

/** Opens the configured database and brings its schema up to date: every entry point starts here. */
export async function openMigratedDatabase(target: DbTarget): Promise<Db> {
  const db = openDatabase(target);
  try {
    await withStartupLock(db.kysely, async () => {
      const applied = await migrateToLatest(db.kysely);
      if (needsDerivedData(applied)) {
        await db.kysely.transaction().execute((trx) => refreshAllGrades(trx));
      }
      // Search keys folded with an older built-in 表記ゆれ dictionary (or none) are folded again.
      await refoldStale(db.kysely);
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
