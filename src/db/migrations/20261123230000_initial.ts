import { sql } from 'kysely';
import { floatType, idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('municipality')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('department')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('department.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['department', 'unit'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Names are unique among siblings; NULL parents are not equal in SQL, so top level gets its own index.
  await db.schema
    .createIndex('department_top_name')
    .on('department')
    .columns(['municipality_id', 'name'])
    .where(sql.ref('parent_id'), 'is', null)
    .unique()
    .execute();
  await db.schema
    .createIndex('department_child_name')
    .on('department')
    .columns(['parent_id', 'name'])
    .where(sql.ref('parent_id'), 'is not', null)
    .unique()
    .execute();

  await db.schema
    .createTable('fiscal_year')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fiscal_year_unique', ['municipality_id', 'year'])
    .execute();

  await db.schema
    .createTable('source_document')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('review_year', 'integer', (c) => c.notNull())
    .addColumn('plan_year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('source_document_by_table')
    .on('source_document')
    .columns(['department_id', 'plan_year', 'imported_at'])
    .execute();

  await db.schema
    .createTable('source_warning')
    .addColumn('id', 'integer', id)
    .addColumn('source_document_id', 'integer', (c) =>
      c.notNull().references('source_document.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('goal')
    .addColumn('id', 'integer', id)
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('block', 'text', (c) => c.notNull().check(sqlIn('block', ['review', 'plan'])))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_document_id', 'integer', (c) =>
      c.references('source_document.id').onDelete('set null'),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goal_by_block')
    .on('goal')
    .columns(['department_id', 'fiscal_year_id', 'block', 'position'])
    .execute();

  await db.schema
    .createTable('item')
    .addColumn('id', 'integer', id)
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('achievement', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_by_goal').on('item').columns(['goal_id', 'position']).execute();

  await db.schema
    .createTable('quantity')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['target', 'actual'])))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('value', floatType(db), (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) =>
      c.notNull().check(sqlIn('comparator', ['>=', '<=', '>', '<', '='])),
    )
    .addColumn('span_text', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('origin', 'text', (c) => c.notNull().check(sqlIn('origin', ['extracted', 'manual'])))
    .execute();
  await db.schema.createIndex('quantity_by_item').on('quantity').columns(['item_id', 'position']).execute();
}
