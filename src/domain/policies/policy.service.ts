import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize, can } from '../auth/policy.ts';
import { requireGoalRef } from '../lineage/goal-ref.repo.ts';
import {
  deleteGoalPolicy,
  deletePolicyNodes,
  findPolicyId,
  insertGoalPolicy,
  insertPolicyNode,
  linkedPolicyCodes,
  listPolicyNodes,
  updatePolicyNode,
} from './policy.repo.ts';
import { flattenPolicyTree, type PolicyNodeInput } from './policy-format.ts';

export interface PolicyImportReport {
  added: number;
  updated: number;
  removed: number;
  total: number;
}

/**
 * Makes the stored tree of the actor's municipality equal to `tree`, matching nodes by code so that
 * goal links survive a revised plan. A node that disappears while goals still point at it is a CONFLICT.
 */
export async function importPolicies(
  db: Kysely<Database>,
  actor: Actor,
  tree: PolicyNodeInput[],
): Promise<PolicyImportReport> {
  const municipalityId = actor.municipalityId;
  authorize(actor, 'policy.manage', { municipalityId });
  const run = async (trx: Kysely<Database>): Promise<PolicyImportReport> => {
    const existing = new Map((await listPolicyNodes(trx, municipalityId)).map((p) => [p.code, p]));
    const ids = new Map<string, number>();
    const report: PolicyImportReport = { added: 0, updated: 0, removed: 0, total: 0 };
    const now = nowIso();
    for (const node of flattenPolicyTree(tree)) {
      const values = {
        parent_id: node.parentCode === null ? null : (ids.get(node.parentCode) ?? null),
        name: node.name,
        depth: node.depth,
        position: node.position,
      };
      const old = existing.get(node.code);
      report.total += 1;
      if (!old) {
        const id = await insertPolicyNode(trx, { ...values, municipalityId, code: node.code, now });
        ids.set(node.code, id);
        report.added += 1;
        continue;
      }
      ids.set(node.code, old.id);
      existing.delete(node.code);
      const same = (Object.keys(values) as Array<keyof typeof values>).every((k) => old[k] === values[k]);
      if (same) continue;
      await updatePolicyNode(trx, old.id, values, now);
      report.updated += 1;
    }
    const gone = [...existing.values()];
    if (gone.length > 0) {
      const goneIds = gone.map((p) => p.id);
      const linked = await linkedPolicyCodes(trx, goneIds);
      if (linked.length > 0) {
        const codes = linked.map((l) => l.code).join(', ');
        throw new AppError('CONFLICT', `goals are linked to policies missing from the file: ${codes}`, {
          field: 'code',
        });
      }
      await deletePolicyNodes(trx, goneIds);
      report.removed = gone.length;
    }
    return report;
  };
  return inTransaction(db, run);
}

export interface GoalPolicyInput {
  goalId: number;
  policyCode: string;
}

/** Ties a goal to a policy of its municipality: planning ('policy.manage') or the goal's editor ('goal.edit'). */
export async function linkGoalToPolicy(
  db: Kysely<Database>,
  actor: Actor,
  input: GoalPolicyInput,
): Promise<void> {
  const { policyId } = await authorizeGoalPolicy(db, actor, input);
  await insertGoalPolicy(db, { goalId: input.goalId, policyId, createdBy: actor.login, now: nowIso() });
}

export async function unlinkGoalFromPolicy(
  db: Kysely<Database>,
  actor: Actor,
  input: GoalPolicyInput,
): Promise<void> {
  const { policyId } = await authorizeGoalPolicy(db, actor, input);
  await deleteGoalPolicy(db, input.goalId, policyId);
}

async function authorizeGoalPolicy(
  db: Kysely<Database>,
  actor: Actor,
  input: GoalPolicyInput,
): Promise<{ policyId: number }> {
  const goal = await requireGoalRef(db, input.goalId);
  const scope = { municipalityId: goal.municipalityId, departmentId: goal.departmentId };
  if (!can(actor, 'policy.manage', { municipalityId: goal.municipalityId }))
    authorize(actor, 'goal.edit', scope);
  const policyId = await findPolicyId(db, goal.municipalityId, input.policyCode);
  if (policyId === undefined)
    throw new AppError('NOT_FOUND', `no policy "${input.policyCode}"`, { field: 'policy' });
  return { policyId };
}

export { listPolicyNodes };
