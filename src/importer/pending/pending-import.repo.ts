import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Drops one waiting upload of this user (a file excluded from a several-file upload). */
export async function deletePendingImport(
  db: Kysely<Database>,
  userId: number,
  token: string,
): Promise<number> {
  const result = await db
    .deleteFrom('pending_import')
    .where('token', '=', token)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
