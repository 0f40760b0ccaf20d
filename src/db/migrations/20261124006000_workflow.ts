import { floatType, idColumn, type MigrationDb, sqlIn } from '../migration-kit.ts';

const PHASES = ['goal_setting', 'interim', 'final'];
const STATES = ['draft', 'submitted', 'approved', 'accepted', 'published'];

/**
 * The yearly approval workflow: approval chains, deadlines, the transition history, interim
 * progress, final assessments, the inbox and the reminder log. Actors are kept by login (no foreign
 * key) so the history outlives a deleted user; users get an optional e-mail address for reminders.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  await db.schema.alterTable('app_user').addColumn('email', 'text').execute();

  await db.schema
    .createTable('workflow_step')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sqlIn('stage', ['department', 'planning', 'extra'])))
    .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['approver', 'planning'])))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workflow_step_position', ['municipality_id', 'position'])
    .execute();

  await db.schema
    .createTable('phase_deadline')
    .addColumn('id', 'integer', id)
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('phase', 'text', (c) => c.notNull().check(sqlIn('phase', PHASES)))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('phase_deadline_unique', ['fiscal_year_id', 'phase'])
    .execute();

  await db.schema
    .createTable('workflow_event')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('phase', 'text', (c) => c.notNull().check(sqlIn('phase', PHASES)))
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(sqlIn('action', ['open', 'submit', 'approve', 'accept', 'sign', 'publish', 'return'])),
    )
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull().check(sqlIn('to_status', STATES)))
    .addColumn('step_name', 'text')
    .addColumn('step_stage', 'text')
    .addColumn('comment', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_event_by_phase')
    .on('workflow_event')
    .columns(['department_id', 'fiscal_year_id', 'phase', 'id'])
    .execute();

  await db.schema
    .createTable('interim_progress')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().unique().references('item.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('interim_quantity')
    .addColumn('id', 'integer', id)
    .addColumn('progress_id', 'integer', (c) =>
      c.notNull().references('interim_progress.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('value', floatType(db), (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('span_text', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interim_quantity_by_progress')
    .on('interim_quantity')
    .column('progress_id')
    .execute();

  await db.schema
    .createTable('final_assessment')
    .addColumn('id', 'integer', id)
    .addColumn('goal_id', 'integer', (c) => c.notNull().unique().references('goal.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('assessment', 'text', (c) =>
      c.notNull().check(sqlIn('assessment', ['achieved', 'mostly', 'not_achieved'])),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) => c.references('fiscal_year.id').onDelete('cascade'))
    .addColumn('phase', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notification_by_user').on('notification').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('reminder_log')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['before', 'overdue'])))
    .addColumn('channel', 'text', (c) => c.notNull().check(sqlIn('channel', ['inbox', 'email'])))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_log_once', [
      'user_id',
      'department_id',
      'fiscal_year_id',
      'phase',
      'due_date',
      'kind',
      'channel',
    ])
    .execute();
}
