import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Counts the attempt as a failure up front; a success deletes it again (forgetAttempts). */
export async function insertFailures(db: Kysely<Database>, keys: string[], at: string): Promise<number[]> {
  const rows = await db
    .insertInto('login_attempt')
    .values(keys.map((key) => ({ key, attempted_at: at, success: 0 })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Failures under `key` since `since`, and when the oldest of them happened. */
export async function failuresSince(
  db: Kysely<Database>,
  key: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('key', '=', key)
    .where('success', '=', 0)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ?? null };
}

export async function deleteAttempts(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('login_attempt').where('id', 'in', ids).execute();
}

export async function forgetFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('key', '=', key).execute();
}

export async function pruneAttempts(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('attempted_at', '<', before).execute();
}
