import type { Kysely } from 'kysely';
import { insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { NotificationRow, NotificationTable } from '../../db/tables/workflow.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';

export interface Recipient {
  id: number;
  login: string;
  email: string | null;
}

/** Enabled users holding `role` for this department (department roles) or city-wide (the others). */
export async function usersWithRole(
  db: Kysely<Database>,
  municipalityId: number,
  role: 'editor' | 'approver' | 'planning',
  departmentId: number,
): Promise<Recipient[]> {
  let query = db
    .selectFrom('app_user')
    .innerJoin('user_grant', 'user_grant.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.login', 'app_user.email'])
    .distinct()
    .where('app_user.municipality_id', '=', municipalityId)
    .where('app_user.disabled', '=', 0)
    .where('user_grant.role', '=', role);
  query =
    role === 'planning'
      ? query.where('user_grant.department_id', 'is', null)
      : query.where('user_grant.department_id', '=', departmentId);
  return query.orderBy('app_user.id').execute();
}

export type NewNotification = Omit<NotificationTable, 'id' | 'created_at' | 'read_at'>;

export async function insertNotifications(db: Kysely<Database>, rows: NewNotification[]): Promise<void> {
  const now = nowIso();
  await insertBatches(
    rows.map((r) => ({ ...r, created_at: now, read_at: null })),
    (chunk) => db.insertInto('notification').values(chunk).execute(),
  );
}

export async function listInbox(
  db: Kysely<Database>,
  userId: number,
  limit = 100,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the actor's own notifications (or all of them) read; others' are NOT_FOUND. */
export async function markRead(db: Kysely<Database>, actor: Actor, id: number | 'all'): Promise<void> {
  let query = db
    .updateTable('notification')
    .set({ read_at: nowIso() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null);
  if (id !== 'all') query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  if (id !== 'all' && Number(result.numUpdatedRows) === 0) {
    const mine = await db
      .selectFrom('notification')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!mine) throw new AppError('NOT_FOUND', 'no such notification', { field: 'notification' });
  }
}
