import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function insertSession(
  db: Kysely<Database>,
  values: { tokenHash: string; userId: number; csrfToken: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      created_at: values.now,
      expires_at: values.expiresAt,
      last_seen_at: values.now,
    })
    .execute();
}

export async function findLiveSession(db: Kysely<Database>, tokenHash: string, now: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.user_id',
      'session.csrf_token',
      'session.last_seen_at',
      'app_user.login',
      'app_user.display_name',
      'app_user.municipality_id',
      'app_user.disabled',
      'app_user.must_change_password',
    ])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: number, now: string, expiresAt: string) {
  await db
    .updateTable('session')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an account (「すべての端末からログアウト」, disabling, a password reset). */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends the account's other sessions: after changing one's own password, this device stays signed in. */
export async function deleteOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keepSessionId: number,
): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}
