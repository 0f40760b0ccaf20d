import type { MigrationDb } from '../migration-kit.ts';

/**
 * Issue 10, item 8: a published 中間報告 is public (public page, open data) unless the municipality
 * keeps it internal. 1 = public once published (the default), 0 = internal only.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('municipality')
    .addColumn('interim_public', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
