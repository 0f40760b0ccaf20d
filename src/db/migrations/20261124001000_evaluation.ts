import { sql } from 'kysely';
import { floatType, idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

/**
 * Evaluation: which actual answers which target, indicators on targets, the municipality's grade
 * scale and self-assessments of qualitative items. Rows hang off quantity and item ids with cascading
 * foreign keys: a re-import that replaces a note's quantities drops their matches, which are then
 * suggested afresh, while matches of untouched quantities stay. Actors are recorded by id and login
 * without a foreign key, so the history outlives a deleted user.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('quantity_match')
    .addColumn('id', 'integer', id)
    .addColumn('target_quantity_id', 'integer', (c) =>
      c.notNull().unique().references('quantity.id').onDelete('cascade'),
    )
    .addColumn('actual_quantity_id', 'integer', (c) => c.references('quantity.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['suggested', 'confirmed', 'rejected', 'manual'])),
    )
    .addColumn('score', floatType(db))
    .addColumn('actor_user_id', 'integer', (c) => c.notNull())
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A rejection names the pair it rejects.
    .addCheckConstraint(
      'quantity_match_rejected_names_actual',
      sql`status <> 'rejected' or actual_quantity_id is not null`,
    )
    .execute();
  await db.schema
    .createIndex('quantity_match_by_actual')
    .on('quantity_match')
    .column('actual_quantity_id')
    .execute();

  await db.schema
    .createTable('evaluation_indicator')
    .addColumn('id', 'integer', id)
    .addColumn('target_quantity_id', 'integer', (c) =>
      c.notNull().unique().references('quantity.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['outcome', 'activity'])))
    .addColumn('name', 'text')
    .addColumn('baseline_value', floatType(db))
    .addColumn('baseline_date', 'text')
    .addColumn('long_term_value', floatType(db))
    .addColumn('long_term_year', 'integer')
    .addColumn('actor_user_id', 'integer', (c) => c.notNull())
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('grade_scale')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().unique().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('preset', 'text', (c) =>
      c.notNull().check(sqlIn('preset', ['achievement', 'abc', 'a_to_d', 's_to_c', 'custom'])),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // [{ "label": "達成", "minRate": 100 }, …], highest band first: read through a zod schema.
    .addColumn('bands_json', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.notNull())
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('self_assessment')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().unique().references('item.id').onDelete('cascade'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.notNull())
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
