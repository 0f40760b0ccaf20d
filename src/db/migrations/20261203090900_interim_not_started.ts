import type { MigrationDb } from '../migration-kit.ts';

/**
 * A 中間報告 item is either reported or explicitly marked 未着手 (not started): a blank item is a gap
 * that blocks submission, so "nothing to report yet" must be said, not left empty. 0/1 on both engines.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('interim_progress')
    .addColumn('not_started', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
