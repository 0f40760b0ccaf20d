import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { loadDemo } from '../demo/load-demo.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { parseDatabaseUrl } from './database.ts';
import { openMigratedDatabase } from './open.ts';

test('upgrading a database with data to the search-grade migration fills in the grades', async () => {
  const db = await createTestDb();
  try {
    await loadDemo(db);
    const grades = async (kysely = db.kysely) =>
      (await kysely.selectFrom('search_entry').select(['id', 'grade']).orderBy('id').execute()).map(
        (r) => `${r.id}:${r.grade ?? '-'}`,
      );
    const before = await grades();
    assert.ok(before.filter((g) => !g.endsWith(':-')).length > 100, 'the demo has graded entries');
    // Back to the schema before the migration, as an older installation has it.
    // Every migration from that one on is undone, or the migrator refuses the gap.
    await sql`delete from kysely_migration where name >= ${'20261124008000_search_grade'}`.execute(db.kysely);
    await db.kysely.schema.dropIndex('login_attempt_by_time').execute();
    await db.kysely.schema.alterTable('interim_progress').dropColumn('not_started').execute();
    await db.kysely.schema.dropTable('phase_snapshot').execute();
    await db.kysely.schema.dropIndex('search_entry_by_grade').execute();
    await db.kysely.schema.alterTable('search_entry').dropColumn('grade').execute();
    const reopened = await openMigratedDatabase(parseDatabaseUrl(db.url));
    try {
      assert.deepEqual(await grades(reopened.kysely), before);
      if (reopened.engine === 'sqlite') {
        const trigger = await sql<{
          sql: string;
        }>`select sql from sqlite_master where name = 'search_entry_au'`.execute(reopened.kysely);
        assert.match(trigger.rows[0]?.sql ?? '', /after update of folded, grams on search_entry/i);
      }
    } finally {
      await reopened.destroy();
    }
  } finally {
    await db.destroy();
  }
});
