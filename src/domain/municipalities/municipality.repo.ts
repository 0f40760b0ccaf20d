import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, MunicipalityRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

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

export async function getMunicipality(
  db: Kysely<Database>,
  id: number,
): Promise<MunicipalityRow | undefined> {
  return db.selectFrom('municipality').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setMunicipalityName(db: Kysely<Database>, id: number, name: string): Promise<void> {
  await db.updateTable('municipality').set({ name }).where('id', '=', id).execute();
}

/** Whether a published 中間報告 is public (1) or kept internal (0). */
export async function setInterimPublicFlag(
  db: Kysely<Database>,
  municipalityId: number,
  interimPublic: boolean,
): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ interim_public: interimPublic ? 1 : 0 })
    .where('id', '=', municipalityId)
    .execute();
}

export async function getMunicipalityById(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<MunicipalityRow> {
  const row = await db
    .selectFrom('municipality')
    .selectAll()
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no municipality ${municipalityId}`);
  return row;
}
