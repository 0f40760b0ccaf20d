import { sql } from 'kysely';
import { idColumn, isPostgres, type MigrationDb, sqlIn } from '../migration-kit.ts';

export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_grant')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sqlIn('role', ['admin', 'planning', 'editor', 'approver', 'viewer'])),
    )
    .addColumn('department_id', 'integer', (c) => c.references('department.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'integer', id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempt_by_key')
    .on('login_attempt')
    .columns(['key', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', id)
    .addColumn('municipality_id', 'integer', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('department_id', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema
    .createIndex('audit_by_entity')
    .on('audit_event')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_by_municipality')
    .on('audit_event')
    .columns(['municipality_id', 'id'])
    .execute();

  // The audit trail is append-only whatever the application does: the database itself refuses changes.
  if (isPostgres(db)) {
    await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_event is append-only'; end $$`.execute(db);
    await sql`create trigger audit_event_no_update before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
    await sql`create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
    await sql`create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
  }
}
