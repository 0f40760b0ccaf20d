import { type Kysely, sql } from 'kysely';
import { engineOf } from '../database.ts';
import type { Database } from '../schema.ts';

/**
 * One transaction on one connection, opened by hand rather than with `kysely.transaction()`: the
 * migrator needs a connection it can call `.connection()` on, and a restore runs migrations, loads
 * rows and upgrades them as one unit. SQLite takes the write lock at once (BEGIN IMMEDIATE) so a
 * running server waits instead of failing half-way.
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  work: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await (engineOf(db) === 'sqlite' ? sql`begin immediate` : sql`begin`).execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
