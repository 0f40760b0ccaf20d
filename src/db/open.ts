import { refreshAllGrades } from '../search/grade-index.ts';
import { refoldStale } from '../search/refold.repo.ts';
import { type Db, type DbTarget, openDatabase } from './database.ts';
import { migrateToLatest, withStartupLock } from './migrate.ts';

/** The migration that added search grades; they are derived data, filled in by the application. */
const SEARCH_GRADE_MIGRATION = '20261124008000_search_grade';

/** Whether these newly applied migrations leave derived data for the application to fill in. */
export function needsDerivedData(applied: string[]): boolean {
  return applied.includes(SEARCH_GRADE_MIGRATION);
}

/** Opens the configured database and brings its schema up to date: every entry point starts here. */
export async function openMigratedDatabase(target: DbTarget): Promise<Db> {
  const db = openDatabase(target);
  try {
    await withStartupLock(db, async () => {
      const applied = await migrateToLatest(db);
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
