import { sql } from 'kysely';
import type { Db } from './database.ts';

/** One round trip to the database: /healthz answers only when it succeeds (it throws otherwise). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
