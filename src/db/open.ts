import { type Db, type DbTarget, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** Opens the configured database and brings its schema up to date: every entry point starts here. */
export async function openMigratedDatabase(target: DbTarget): Promise<Db> {
  const db = openDatabase(target);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
