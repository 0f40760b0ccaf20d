import type { Kysely } from 'kysely';
import type { Database, MunicipalityRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { parseLocalGovCode } from './local-gov-code.ts';
import {
  findByLocalGovCode,
  findMunicipality,
  insertMunicipality,
  listMunicipalities,
  setLocalGovCode,
} from './municipality.repo.ts';

/** A city's name by id, for the staff header. */
export { municipalityName } from './municipality.repo.ts';

export const DEFAULT_MUNICIPALITY = { code: 'default', name: '（自治体名未設定）' };

/**
 * The municipality an import or export is about. Named: found by code or name, created when new.
 * Unnamed: the only one there is; on an empty database a placeholder the admin can rename.
 */
export async function resolveMunicipality(
  db: Kysely<Database>,
  spec?: string | { code: string; name: string },
): Promise<MunicipalityRow> {
  if (typeof spec === 'object') {
    return (await findMunicipality(db, spec.code)) ?? insertMunicipality(db, spec);
  }
  if (spec) {
    const found = await findMunicipality(db, spec);
    if (found) return found;
    return insertMunicipality(db, { code: spec, name: spec });
  }
  const all = await listMunicipalities(db);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0) return insertMunicipality(db, DEFAULT_MUNICIPALITY);
  throw new AppError(
    'AMBIGUOUS',
    `several municipalities are stored (${all.map((m) => m.code).join(', ')}): name one with --municipality`,
    { field: 'municipality' },
  );
}

/** Like resolveMunicipality but never creates one: for reads. */
export async function findExistingMunicipality(
  db: Kysely<Database>,
  codeOrName?: string,
): Promise<MunicipalityRow> {
  if (codeOrName) {
    const found = await findMunicipality(db, codeOrName);
    if (!found) throw new AppError('NOT_FOUND', `no municipality "${codeOrName}"`, { field: 'municipality' });
    return found;
  }
  const all = await listMunicipalities(db);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0)
    throw new AppError('NOT_FOUND', 'the database holds no municipality yet: import a table first');
  throw new AppError(
    'AMBIGUOUS',
    `several municipalities are stored (${all.map((m) => m.code).join(', ')}): name one with --municipality`,
    {
      field: 'municipality',
    },
  );
}

/**
 * Gives a municipality its 全国地方公共団体コード, checked (6 digits, prefecture, check digit) and
 * unique: two municipalities under one code would merge in every dataset joined on it.
 */
export async function assignLocalGovCode(
  db: Kysely<Database>,
  municipality: MunicipalityRow,
  input: string,
): Promise<MunicipalityRow> {
  const code = parseLocalGovCode(input);
  if (municipality.local_gov_code === code) return municipality;
  const holder = await findByLocalGovCode(db, code);
  if (holder && holder.id !== municipality.id) {
    throw new AppError('CONFLICT', `local government code ${code} is already ${holder.name}'s`, {
      field: 'localGovCode',
    });
  }
  await setLocalGovCode(db, municipality.id, code);
  return { ...municipality, local_gov_code: code };
}
