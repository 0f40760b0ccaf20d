import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../db/database.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { openMigratedDatabase } from './open-database.ts';

test('upgrading a database with data to the search-grade migration fills in the grades', async () => {
  const db = await createTestDb();
  try {
    await loadDemo(db.kysely);
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
    await undoVariantMigrations(db);
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

/** Undoes 20261203091100_search_variant, 20261203091101_local_gov_code and every later migration. */
async function undoVariantMigrations(db: Awaited<ReturnType<typeof createTestDb>>): Promise<void> {
  // 20261203171000_import_undo
  await db.kysely.schema.dropTable('import_snapshot').execute();
  await db.kysely.schema.dropTable('import_run').execute();
  // 20261203168100_interim_public, 20261203168000_grade_scale_years
  await db.kysely.schema.alterTable('municipality').dropColumn('interim_public').execute();
  await db.kysely.schema.dropTable('grade_scale_year').execute();
  await db.kysely.schema.dropTable('grade_scale_version').execute();
  // 20261203165000_phase_opening
  await db.kysely.schema.alterTable('phase_deadline').dropColumn('opens_on').execute();
  await db.kysely.schema.alterTable('phase_status').dropColumn('opened_early_by').execute();
  await db.kysely.schema.alterTable('phase_status').dropColumn('opened_early_at').execute();
  // 20261203162000_account_settings
  await db.kysely.schema.alterTable('app_user').dropColumn('must_change_password').execute();
  await db.kysely.schema.alterTable('department').dropColumn('display_order').execute();
  await db.kysely.schema.dropIndex('municipality_local_gov_code').execute();
  await db.kysely.schema.alterTable('municipality').dropColumn('local_gov_code').execute();
  await db.kysely.schema.dropTable('search_variant').execute();
  await db.kysely.schema.alterTable('municipality').dropColumn('search_fold_version').execute();
}

test('upgrading a database indexed before the 表記ゆれ dictionary refolds its keys: 寄付 finds 寄附', async () => {
  const db = await createTestDb();
  try {
    await loadDemo(db.kysely);
    const keys = async (kysely = db.kysely) =>
      (await kysely.selectFrom('search_entry').select(['id', 'folded', 'grams']).orderBy('id').execute()).map(
        (r) => `${r.id}:${r.folded}:${r.grams}`,
      );
    const current = await keys();
    // Keys as the older version wrote them: character folding only.
    const rows = await db.kysely.selectFrom('search_entry').select(['id', 'folded']).execute();
    for (const r of rows) {
      const old = r.folded.replaceAll('寄付', '寄附').replaceAll('ごみ', 'ゴミ');
      if (old !== r.folded) {
        await db.kysely.updateTable('search_entry').set({ folded: old }).where('id', '=', r.id).execute();
      }
    }
    assert.notDeepEqual(await keys(), current, 'the keys were put back as an older version had them');
    await sql`delete from kysely_migration where name >= ${'20261203091100_search_variant'}`.execute(
      db.kysely,
    );
    await undoVariantMigrations(db);
    const reopened = await openMigratedDatabase(parseDatabaseUrl(db.url));
    try {
      assert.deepEqual(await keys(reopened.kysely), current);
      const code = await reopened.kysely
        .selectFrom('municipality')
        .select(['local_gov_code', 'search_fold_version'])
        .where('code', '=', 'minatodai')
        .executeTakeFirstOrThrow();
      assert.equal(code.local_gov_code, '990019', 'the demo city gets its unreal code');
      assert.ok(code.search_fold_version, 'the dictionary version is recorded');
    } finally {
      await reopened.destroy();
    }
  } finally {
    await db.destroy();
  }
});
