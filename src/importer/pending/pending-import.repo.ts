import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';

/** All SQL of the uploads waiting for confirmation. */

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

/** Drops the uploads nobody confirmed since `before` (an ISO instant). */
export async function deleteStalePendingImports(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('pending_import').where('created_at', '<', before).execute();
}

export async function insertPendingImport(
  db: Kysely<Database>,
  row: { token: string; municipalityId: number; userId: number; name: string; bytes: Uint8Array },
): Promise<void> {
  await db
    .insertInto('pending_import')
    .values({
      token: row.token,
      municipality_id: row.municipalityId,
      user_id: row.userId,
      name: row.name,
      content_base64: Buffer.from(row.bytes).toString('base64'),
      created_at: nowIso(),
    })
    .execute();
}

/** This user's waiting upload under the token, if any. */
export async function findPendingImport(
  db: Kysely<Database>,
  userId: number,
  token: string,
): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('pending_import')
    .select(['name', 'content_base64'])
    .where('token', '=', token)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { name: row.name, bytes: new Uint8Array(Buffer.from(row.content_base64, 'base64')) };
}

/** Drops a waiting upload once it is stored. */
export async function deletePendingImportByToken(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('pending_import').where('token', '=', token).execute();
}
