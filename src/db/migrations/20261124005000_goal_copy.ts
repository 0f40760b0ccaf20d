import type { MigrationDb } from '../migration-kit.ts';

/**
 * "Start next year from this year" copies goals and items; the copies remember their originals so
 * lineage and evaluation can follow a goal across years even after its text is edited. A deleted
 * original leaves the copy standing, only unlinked.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('goal')
    .addColumn('copied_from_goal_id', 'integer', (c) => c.references('goal.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('item')
    .addColumn('copied_from_item_id', 'integer', (c) => c.references('item.id').onDelete('set null'))
    .execute();
}
