import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../migration-kit.ts';

/**
 * The grade of each search entry's goal or item (src/search/grade-index.ts), so that the public
 * search can filter by it. Grades are derived from the evaluation and filled in by the application
 * after migrating (src/db/open.ts), not here: their code reads the schema of the latest migration.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('search_entry').addColumn('grade', 'text').execute();
  await db.schema.createIndex('search_entry_by_grade').on('search_entry').column('grade').execute();
  if (isPostgres(db)) return;
  // Setting a grade must not rewrite the full-text rows: only changes of the keys re-index them.
  await sql`drop trigger search_entry_au`.execute(db);
  await sql`create trigger search_entry_au after update of folded, grams on search_entry begin
    insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded);
    insert into search_bigram(search_bigram, rowid, grams) values ('delete', old.id, old.grams);
    insert into search_fts(rowid, folded) values (new.id, new.folded);
    insert into search_bigram(rowid, grams) values (new.id, new.grams);
  end`.execute(db);
}
