import { sql } from 'kysely';
import { idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

/**
 * Where each department's yearly cycle stands, per phase: 目標設定 (goal_setting → the plan block),
 * 中間報告 (interim), 期末報告・評価 (final → the review block). The public sees a block only once
 * its phase is published. Imported tables are already public documents, so imports publish.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('phase_status')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sqlIn('phase', ['goal_setting', 'interim', 'final'])),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['draft', 'submitted', 'approved', 'accepted', 'published'])),
    )
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('phase_status_unique', ['department_id', 'fiscal_year_id', 'phase'])
    .execute();
  // Tables imported before this migration were public documents too.
  await sql`insert into phase_status (department_id, fiscal_year_id, phase, status, published_at, version, updated_at)
    select g.department_id, g.fiscal_year_id,
      case when g.block = 'plan' then 'goal_setting' else 'final' end, 'published', max(g.updated_at), 1, max(g.updated_at)
    from goal g
    group by g.department_id, g.fiscal_year_id, g.block`.execute(db);
}
