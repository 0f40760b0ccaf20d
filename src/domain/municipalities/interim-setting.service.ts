import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { getMunicipalityById, setInterimPublicFlag } from './municipality.repo.ts';

/** Whether the municipality's published 中間報告 appear on public pages and in open data. */
export async function isInterimPublic(db: Kysely<Database>, municipalityId: number): Promise<boolean> {
  return (await getMunicipalityById(db, municipalityId)).interim_public === 1;
}

/**
 * A city-wide publication policy (issue 10, item 8): public once published (the default), or kept
 * internal. Planning and admin only (`policy.manage`), audited.
 */
export async function setInterimPublic(
  db: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  interimPublic: boolean,
): Promise<void> {
  authorize(actor, 'policy.manage', { municipalityId });
  await inTransaction(db, async (trx) => {
    const before = await isInterimPublic(trx, municipalityId);
    if (before === interimPublic) return;
    await setInterimPublicFlag(trx, municipalityId, interimPublic);
    await appendAudit(trx, actor, {
      action: 'municipality.interim_public',
      entityType: 'municipality',
      entityId: municipalityId,
      summary: `interim reports ${interimPublic ? 'public once published' : 'internal only'}`,
      before: { interimPublic: before },
      after: { interimPublic },
    });
  });
}
