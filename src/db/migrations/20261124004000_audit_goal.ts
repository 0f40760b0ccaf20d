import type { MigrationDb } from '../migration-kit.ts';

/** Lets a goal's history find the events of its items too, even of items deleted since. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('audit_event').addColumn('goal_id', 'integer').execute();
  await db.schema.createIndex('audit_by_goal').on('audit_event').columns(['goal_id', 'id']).execute();
}
