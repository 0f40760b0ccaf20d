import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';

export async function findFiscalYearId(
  db: Kysely<Database>,
  municipalityId: number,
  year: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('fiscal_year')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.id;
}

export async function ensureFiscalYear(
  db: Kysely<Database>,
  municipalityId: number,
  year: number,
): Promise<number> {
  const found = await findFiscalYearId(db, municipalityId, year);
  if (found !== undefined) return found;
  const row = await db
    .insertInto('fiscal_year')
    .values({ municipality_id: municipalityId, year, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The years stored for a municipality, newest first. */
export async function listFiscalYears(db: Kysely<Database>, municipalityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('fiscal_year')
    .select('year')
    .where('municipality_id', '=', municipalityId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}
