import { idColumn, type MigrationDb } from '../migration-kit.ts';

/**
 * An upload waiting for the person's confirmation. Kept in the database, not in memory, so the
 * preview and the confirmation may be answered by different app servers.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('pending_import')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
