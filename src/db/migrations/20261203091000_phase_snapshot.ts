import { idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

/**
 * The content of a phase as it stood when it was returned (差し戻し), so the review of the
 * resubmission can show what changed since. Goals and items are edited in place (their versions are
 * optimistic locks, not history), hence a copy: JSON of the goals, items and notes as reviewed.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('phase_snapshot')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sqlIn('phase', ['goal_setting', 'interim', 'final'])),
    )
    .addColumn('reason', 'text', (c) => c.notNull().check(sqlIn('reason', ['return'])))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('phase_snapshot_by_phase')
    .on('phase_snapshot')
    .columns(['department_id', 'fiscal_year_id', 'phase', 'id'])
    .execute();
}
