import type { Kysely } from 'kysely';
import type { Database, Phase } from '../../db/schema.ts';

/** One reminder to one user over one channel: the log's unique key. */
export interface ReminderLogKey {
  user_id: number;
  department_id: number;
  fiscal_year_id: number;
  phase: Phase;
  due_date: string;
  kind: 'before' | 'overdue';
  channel: 'inbox' | 'email';
}

/** Logs the reminder as sent; false when it already was (the unique key makes reruns no-ops). */
export async function claimReminder(
  db: Kysely<Database>,
  key: ReminderLogKey,
  sentAt: string,
): Promise<boolean> {
  const row = await db
    .insertInto('reminder_log')
    .values({ ...key, sent_at: sentAt })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'department_id', 'fiscal_year_id', 'phase', 'due_date', 'kind', 'channel'])
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function reminderLogged(db: Kysely<Database>, key: ReminderLogKey): Promise<boolean> {
  const row = await db
    .selectFrom('reminder_log')
    .select('id')
    .where('user_id', '=', key.user_id)
    .where('department_id', '=', key.department_id)
    .where('fiscal_year_id', '=', key.fiscal_year_id)
    .where('phase', '=', key.phase)
    .where('due_date', '=', key.due_date)
    .where('kind', '=', key.kind)
    .where('channel', '=', key.channel)
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets a claim, so that a reminder whose sending failed goes out on the next run. */
export async function releaseReminder(db: Kysely<Database>, key: ReminderLogKey): Promise<void> {
  await db
    .deleteFrom('reminder_log')
    .where('user_id', '=', key.user_id)
    .where('department_id', '=', key.department_id)
    .where('fiscal_year_id', '=', key.fiscal_year_id)
    .where('phase', '=', key.phase)
    .where('due_date', '=', key.due_date)
    .where('kind', '=', key.kind)
    .where('channel', '=', key.channel)
    .execute();
}
