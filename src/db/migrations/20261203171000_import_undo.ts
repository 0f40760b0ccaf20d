import { idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

/**
 * Issue 9, item 5e: an import can be undone. `import_run` is one import (one transaction, any number of
 * files); `import_snapshot` keeps, per block it wrote, the block as it was before (JSON of interchange
 * goals, or no goals), the phase status before (JSON, or null when there was none) and a fingerprint of
 * the block as the import left it, so an undo can tell whether anyone changed it since.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('import_run')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema
    .createIndex('import_run_by_municipality')
    .on('import_run')
    .columns(['municipality_id', 'id'])
    .execute();
  await db.schema
    .createTable('import_snapshot')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('import_run.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('block', 'text', (c) => c.notNull().check(sqlIn('block', ['review', 'plan'])))
    .addColumn('previous_goals', 'text', (c) => c.notNull())
    .addColumn('previous_source_document_id', 'integer')
    .addColumn('previous_phase', 'text')
    .addColumn('fingerprint', 'text')
    .execute();
  await db.schema
    .createIndex('import_snapshot_by_import')
    .on('import_snapshot')
    .columns(['import_id', 'id'])
    .execute();
}
