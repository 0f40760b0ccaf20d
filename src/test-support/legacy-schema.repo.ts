import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Databases as older versions of mokuhyo left them, for tests of upgrading and restoring: the
 * schema taken back migration by migration, rows written in an old schema that today's
 * repositories no longer fit, search keys folded the old way. This is raw SQL on purpose — the
 * services only know the current schema. Keep every such state here.
 */

/** Forgets that `name` and every later migration ran, so the migrator runs them again. */
export async function forgetMigrationsFrom(db: Kysely<Database>, name: string): Promise<void> {
  await sql`delete from kysely_migration where name >= ${name}`.execute(db);
}

/** Undoes 20261203091100_search_variant, 20261203091101_local_gov_code and every later migration. */
export async function undoVariantMigrations(db: Kysely<Database>): Promise<void> {
  // 20261205000000_search_grade_display_order, 20261204200000_search_display_order
  await db.schema.dropIndex('search_entry_grade_display').execute();
  await db.schema.dropIndex('search_entry_display').execute();
  // 20261203171000_import_undo
  await db.schema.dropTable('import_snapshot').execute();
  await db.schema.dropTable('import_run').execute();
  // 20261203168100_interim_public, 20261203168000_grade_scale_years
  await db.schema.alterTable('municipality').dropColumn('interim_public').execute();
  await db.schema.dropTable('grade_scale_year').execute();
  await db.schema.dropTable('grade_scale_version').execute();
  // 20261203165000_phase_opening
  await db.schema.alterTable('phase_deadline').dropColumn('opens_on').execute();
  await db.schema.alterTable('phase_status').dropColumn('opened_early_by').execute();
  await db.schema.alterTable('phase_status').dropColumn('opened_early_at').execute();
  // 20261203162000_account_settings
  await db.schema.alterTable('app_user').dropColumn('must_change_password').execute();
  await db.schema.alterTable('department').dropColumn('display_order').execute();
  await db.schema.dropIndex('municipality_local_gov_code').execute();
  await db.schema.alterTable('municipality').dropColumn('local_gov_code').execute();
  await db.schema.dropTable('search_variant').execute();
  await db.schema.alterTable('municipality').dropColumn('search_fold_version').execute();
}

/** Back to the schema before 20261124008000_search_grade, every later migration undone too. */
export async function undoFromSearchGrade(db: Kysely<Database>): Promise<void> {
  await forgetMigrationsFrom(db, '20261124008000_search_grade');
  await db.schema.dropIndex('login_attempt_by_time').execute();
  await db.schema.alterTable('interim_progress').dropColumn('not_started').execute();
  await db.schema.dropTable('phase_snapshot').execute();
  await undoVariantMigrations(db);
  await db.schema.dropIndex('search_entry_by_grade').execute();
  await db.schema.alterTable('search_entry').dropColumn('grade').execute();
}

/** Search keys as versions before the 表記ゆれ dictionary folded them: character folding only. */
export async function foldSearchKeysTheOldWay(db: Kysely<Database>): Promise<void> {
  const rows = await db.selectFrom('search_entry').select(['id', 'folded']).execute();
  for (const r of rows) {
    const old = r.folded.replaceAll('寄付', '寄附').replaceAll('ごみ', 'ゴミ');
    if (old !== r.folded) {
      await db.updateTable('search_entry').set({ folded: old }).where('id', '=', r.id).execute();
    }
  }
}

/**
 * One department's plan goal with one item, written into the schema of 20261123230000_initial
 * (run inside the migration transaction that built it): a city as the first version stored it.
 */
export async function oldCityAtInitialSchema(conn: Kysely<Database>, at: string): Promise<void> {
  await sql`insert into municipality (id, code, name, created_at) values (1, '000001', '旧市', ${at})`.execute(
    conn,
  );
  await sql`insert into department (id, municipality_id, parent_id, kind, name, created_at)
    values (1, 1, null, 'department', '総務部', ${at})`.execute(conn);
  await sql`insert into fiscal_year (id, municipality_id, year, created_at) values (1, 1, 2024, ${at})`.execute(
    conn,
  );
  await sql`insert into goal (id, department_id, fiscal_year_id, block, no, position, title, version, created_at, updated_at)
    values (1, 1, 1, 'plan', 1, 0, '窓口の待ち時間を短くする', 1, ${at}, ${at})`.execute(conn);
  await sql`insert into item (id, goal_id, no, position, unit_id, text, target, version, created_at, updated_at)
    values (1, 1, 1, 0, null, '待ち時間の計測', '平均10分以内', 1, ${at}, ${at})`.execute(conn);
}

/** The CREATE TRIGGER text SQLite keeps for a trigger (what an upgrade must have rewritten). */
export async function sqliteTriggerText(db: Kysely<Database>, name: string): Promise<string | undefined> {
  const found = await sql<{ sql: string }>`select sql from sqlite_master where name = ${name}`.execute(db);
  return found.rows[0]?.sql;
}
