import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The demo city's municipality id. */
export async function demoMunicipalityId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'minatodai')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A top-level department by name (総務部, 健康福祉部, …). */
export async function demoDepartmentId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .selectFrom('department')
    .select('id')
    .where('name', '=', name)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}
