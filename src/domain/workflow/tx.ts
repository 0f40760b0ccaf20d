import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Runs `fn` in a transaction, joining the caller's when it already opened one. */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
