import type { MigrationDb } from '../migration-kit.ts';

/**
 * Phases open in order (中間報告 after 目標設定 is published, 期末報告 after 中間報告 is accepted) and,
 * optionally, not before a date of the year: `phase_deadline.opens_on` (YYYY-MM-DD, Asia/Tokyo; null =
 * as soon as the previous phase allows). Planning may open a phase early for one department:
 * `phase_status.opened_early_at/by` records that override (also on the audit trail).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('phase_deadline').addColumn('opens_on', 'text').execute();
  await db.schema.alterTable('phase_status').addColumn('opened_early_at', 'text').execute();
  await db.schema.alterTable('phase_status').addColumn('opened_early_by', 'text').execute();
}
