import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { type ChainStep, DEFAULT_CHAIN, roleOfStage, validateChain } from './chain.ts';

/** The municipality's approval chain in order; the default chain when it stored none. */
export async function loadChain(db: Kysely<Database>, municipalityId: number): Promise<ChainStep[]> {
  const rows = await db
    .selectFrom('workflow_step')
    .select(['name', 'stage'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .execute();
  return rows.length > 0 ? rows : DEFAULT_CHAIN.map((s) => ({ ...s }));
}

/** Replaces the chain; phases already under way keep their signatures and continue on the new one. */
export async function saveChain(
  db: Kysely<Database>,
  actor: Actor,
  steps: readonly ChainStep[],
): Promise<ChainStep[]> {
  authorize(actor, 'workflow.configure', { municipalityId: actor.municipalityId });
  const chain = validateChain(steps);
  return inTransaction(db, async (trx) => {
    const before = await loadChain(trx, actor.municipalityId);
    await trx.deleteFrom('workflow_step').where('municipality_id', '=', actor.municipalityId).execute();
    const now = nowIso();
    await trx
      .insertInto('workflow_step')
      .values(
        chain.map((s, position) => ({
          municipality_id: actor.municipalityId,
          position,
          name: s.name,
          stage: s.stage,
          role: roleOfStage(s.stage),
          updated_by: actor.login,
          updated_at: now,
        })),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: 'workflow.configure',
      entityType: 'workflow_chain',
      entityId: actor.municipalityId,
      summary: `approval chain set to ${chain.map((s) => s.name).join(' → ')}`,
      before,
      after: chain,
    });
    return chain;
  });
}
