import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** One round trip to the database: /healthz answers only when it succeeds (it throws otherwise). */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
