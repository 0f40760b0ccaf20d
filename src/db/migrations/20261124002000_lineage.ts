import { sql } from 'kysely';
import { floatType, idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

/**
 * Goal lineage across years (goal_link), 組織改編 (reorganisation), and the comprehensive plan's
 * policy tree with goal alignment (policy_node, goal_policy).
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('goal_link')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['continues', 'same', 'absorbed'])))
    .addColumn('from_goal_id', 'integer', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('from_item_id', 'integer', (c) => c.references('item.id').onDelete('cascade'))
    .addColumn('to_goal_id', 'integer', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('to_item_id', 'integer', (c) => c.references('item.id').onDelete('cascade'))
    .addColumn('score', floatType(db))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['suggested', 'confirmed', 'rejected', 'manual'])),
    )
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One link per pair of ends; NULL item ids would never collide, so they count as 0 here.
  await sql`create unique index goal_link_ends on goal_link
    (from_goal_id, coalesce(from_item_id, 0), to_goal_id, coalesce(to_item_id, 0))`.execute(db);
  await db.schema.createIndex('goal_link_by_to').on('goal_link').columns(['to_goal_id']).execute();

  await db.schema
    .createTable('reorganisation')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['rename', 'merge', 'split'])))
    .addColumn('effective_year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reorganisation_department')
    .addColumn('id', 'integer', id)
    .addColumn('reorganisation_id', 'integer', (c) =>
      c.notNull().references('reorganisation.id').onDelete('cascade'),
    )
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['from', 'to'])))
    .addUniqueConstraint('reorganisation_department_unique', ['reorganisation_id', 'department_id', 'role'])
    .execute();
  await db.schema
    .createIndex('reorganisation_department_by_department')
    .on('reorganisation_department')
    .columns(['department_id', 'role'])
    .execute();

  await db.schema
    .createTable('policy_node')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('policy_node.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_node_code', ['municipality_id', 'code'])
    .execute();
  await db.schema
    .createTable('goal_policy')
    .addColumn('id', 'integer', id)
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('policy_node.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('goal_policy_unique', ['goal_id', 'policy_id'])
    .execute();
  await db.schema.createIndex('goal_policy_by_policy').on('goal_policy').columns(['policy_id']).execute();
}
