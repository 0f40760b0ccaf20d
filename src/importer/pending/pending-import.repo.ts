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

/** One waiting upload of this user, as stored (its bytes in base64); undefined when none. */
export async function findPendingUpload(
  db: Kysely<Database>,
  userId: number,
  token: string,
): Promise<{ name: string; contentBase64: string } | undefined> {
  const row = await db
    .selectFrom('pending_import')
    .select(['name', 'content_base64'])
    .where('token', '=', token)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { name: row.name, contentBase64: row.content_base64 };
}
