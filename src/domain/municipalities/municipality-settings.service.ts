import type { Kysely } from 'kysely';
import type { Database, MunicipalityRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { getMunicipality, setMunicipalityName } from './municipality.repo.ts';
import { assignLocalGovCode } from './municipality.service.ts';

export const MAX_MUNICIPALITY_NAME = 50;

export async function getOwnMunicipality(db: Kysely<Database>, actor: Actor): Promise<MunicipalityRow> {
  const found = await getMunicipality(db, actor.municipalityId);
  if (!found) throw new AppError('NOT_FOUND', '自治体が見つかりません。', {}, { cause: 'no municipality' });
  return found;
}

/**
 * The admin names the city and gives its 全国地方公共団体コード (checked by assignLocalGovCode: digits,
 * check digit, unique). One transaction: both change, or neither.
 */
export async function updateMunicipalitySettings(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; localGovCode: string },
): Promise<void> {
  authorize(actor, 'municipality.manage', { municipalityId: actor.municipalityId });
  const name = input.name.trim();
  if (name === '' || [...name].length > MAX_MUNICIPALITY_NAME) {
    throw new AppError('INVALID_INPUT', `自治体名を${MAX_MUNICIPALITY_NAME}文字以内で入力してください。`, {
      field: 'name',
    });
  }
  await db.transaction().execute(async (trx) => {
    const before = await getOwnMunicipality(trx, actor);
    if (before.name !== name) await setMunicipalityName(trx, before.id, name);
    const code = input.localGovCode.trim();
    const after = code === '' ? before : await assignLocalGovCode(trx, before, code);
    if (before.name === name && before.local_gov_code === after.local_gov_code) return;
    await appendAudit(trx, actor, {
      action: 'municipality.update',
      entityType: 'municipality',
      entityId: before.id,
      summary: `municipality settings: ${name} ${after.local_gov_code ?? ''}`,
      before: { name: before.name, localGovCode: before.local_gov_code },
      after: { name, localGovCode: after.local_gov_code },
    });
  });
}
