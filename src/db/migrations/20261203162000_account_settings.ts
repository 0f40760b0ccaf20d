import type { MigrationDb } from '../migration-kit.ts';

/**
 * Accounts and organisation in the browser (issue 11): an account whose password an admin reset
 * must choose its own at the next sign-in (must_change_password), and departments and sub-units get
 * a display order the settings page sets (null: after the ordered ones, by id, as before).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('department').addColumn('display_order', 'integer').execute();
}
