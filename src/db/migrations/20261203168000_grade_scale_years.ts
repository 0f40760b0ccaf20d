import { sql } from 'kysely';
import { idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

const PRESETS = ['achievement', 'abc', 'a_to_d', 's_to_c', 'custom'];

/**
 * Grade scales belong to a year (issue 10, item 5). `grade_scale_version`: a scale in force from a
 * fiscal year on (until the next version's year); `from_year` 0 is "since always", which is what the
 * one scale of `grade_scale` was, so it is copied there. `grade_scale_year`: the scale a year was
 * published with (or explicitly re-graded to); a year with a row here ignores the versions, so a later
 * change of scale never re-grades it. `grade_scale` itself is no longer read.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  for (const table of ['grade_scale_version', 'grade_scale_year']) {
    const yearColumn = table === 'grade_scale_version' ? 'from_year' : 'fiscal_year';
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'integer', id)
      .addColumn('municipality_id', 'integer', (c) =>
        c.notNull().references('municipality.id').onDelete('cascade'),
      )
      .addColumn(yearColumn, 'integer', (c) => c.notNull())
      .addColumn('preset', 'text', (c) => c.notNull().check(sqlIn('preset', PRESETS)))
      .addColumn('name', 'text', (c) => c.notNull())
      // [{ "label": "達成", "minRate": 100 }, …], highest band first: read through a zod schema.
      .addColumn('bands_json', 'text', (c) => c.notNull());
    if (table === 'grade_scale_year') {
      // published: recorded when a phase of the year was published; regrade: planning's explicit act.
      builder = builder.addColumn('reason', 'text', (c) =>
        c.notNull().check(sqlIn('reason', ['published', 'regrade'])),
      );
    }
    await builder
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_login', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_municipality_year`, ['municipality_id', yearColumn])
      .execute();
  }
  await sql`insert into grade_scale_version
      (municipality_id, from_year, preset, name, bands_json, actor_user_id, actor_login, created_at, updated_at)
    select municipality_id, 0, preset, name, bands_json, actor_user_id, actor_login, created_at, updated_at
    from grade_scale`.execute(db);
}
