import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The search index's own state, for tests of search/: SQLite's FTS5 integrity checks, and the
 * derived columns (grades, folded keys) put back as a lost or foreign state would leave them. The
 * application only writes these through search/*.repo.ts; tests that check that code reach past it
 * here, in one place, instead of writing SQL themselves.
 */

const FTS_TABLES = ['search_fts', 'search_bigram'] as const;

/** SQLite: FTS5's integrity check of both indexes (it throws when an index no longer matches). */
export async function checkFtsIntegrity(db: Kysely<Database>): Promise<void> {
  for (const table of FTS_TABLES) {
    await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('integrity-check', 1)`.execute(
      db,
    );
  }
}

/** SQLite: a trigram index entry for a row that does not exist, so the integrity check must fail. */
export async function corruptFtsIndex(db: Kysely<Database>): Promise<void> {
  await sql`insert into search_fts (search_fts, rowid, folded) values ('delete', 999999, 'bogus')`.execute(
    db,
  );
}

/** SQLite: the trigram index rebuilt from its content table. */
export async function rebuildFtsIndex(db: Kysely<Database>): Promise<void> {
  await sql`insert into search_fts (search_fts) values ('rebuild')`.execute(db);
}

/** Every entry's grade lost, as before the grades were first computed. */
export async function forgetSearchGrades(db: Kysely<Database>): Promise<void> {
  await db.updateTable('search_entry').set({ grade: null }).execute();
}

/** Every search entry gone, as before the search migration's backfill. */
export async function forgetSearchEntries(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('search_entry').execute();
}

/** Entries whose keys no longer hold their words (a way to take exact numbers of hits away). */
export async function overwriteSearchKeys(
  db: Kysely<Database>,
  ids: readonly number[],
  folded: string,
): Promise<void> {
  await db
    .updateTable('search_entry')
    .set({ folded, grams: '' })
    .where('id', 'in', [...ids])
    .execute();
}
