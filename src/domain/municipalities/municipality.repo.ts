import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, MunicipalityRow } from '../../db/schema.ts';

export async function listMunicipalities(db: Kysely<Database>): Promise<MunicipalityRow[]> {
  return db.selectFrom('municipality').selectAll().orderBy('id').execute();
}

export async function findMunicipality(
  db: Kysely<Database>,
  codeOrName: string,
): Promise<MunicipalityRow | undefined> {
  return db
    .selectFrom('municipality')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', codeOrName), eb('name', '=', codeOrName)]))
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertMunicipality(
  db: Kysely<Database>,
  values: { code: string; name: string; local_gov_code?: string | null },
): Promise<MunicipalityRow> {
  return db
    .insertInto('municipality')
    .values({ ...values, created_at: nowIso() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setLocalGovCode(
  db: Kysely<Database>,
  municipalityId: number,
  localGovCode: string | null,
): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ local_gov_code: localGovCode })
    .where('id', '=', municipalityId)
    .execute();
}

/** The municipality that already holds this code, if any (the code is unique). */
export async function findByLocalGovCode(
  db: Kysely<Database>,
  localGovCode: string,
): Promise<MunicipalityRow | undefined> {
  return db
    .selectFrom('municipality')
    .selectAll()
    .where('local_gov_code', '=', localGovCode)
    .executeTakeFirst();
}

/** The city's name by id: the staff header names it. */
export async function municipalityName(db: Kysely<Database>, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('municipality').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
