import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function recordAttempt(db: Kysely<Database>, keys: string[], success: boolean, at: string) {
  await db
    .insertInto('login_attempt')
    .values(keys.map((key) => ({ key, attempted_at: at, success: success ? 1 : 0 })))
    .execute();
}

export async function failuresSince(db: Kysely<Database>, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('success', '=', 0)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
