import type { Kysely } from 'kysely';
import { forChunks, inChunks } from '../../db/batch.ts';
import type { Database } from '../../db/schema.ts';
import type { PolicyNodeRow } from '../../db/tables/lineage.ts';

/** The fields of a node an import sets; code and municipality never change once a node exists. */
export interface PolicyNodeValues {
  parent_id: number | null;
  name: string;
  depth: number;
  position: number;
}

export async function listPolicyNodes(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<PolicyNodeRow[]> {
  return db
    .selectFrom('policy_node')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('depth')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function insertPolicyNode(
  db: Kysely<Database>,
  node: PolicyNodeValues & { municipalityId: number; code: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto('policy_node')
    .values({
      parent_id: node.parent_id,
      name: node.name,
      depth: node.depth,
      position: node.position,
      municipality_id: node.municipalityId,
      code: node.code,
      created_at: node.now,
      updated_at: node.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePolicyNode(
  db: Kysely<Database>,
  id: number,
  values: PolicyNodeValues,
  now: string,
): Promise<void> {
  await db
    .updateTable('policy_node')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Codes of those policy nodes that goals still point at. */
export async function linkedPolicyCodes(
  db: Kysely<Database>,
  policyIds: number[],
): Promise<Array<{ code: string }>> {
  return inChunks(policyIds, (chunk) =>
    db
      .selectFrom('goal_policy')
      .innerJoin('policy_node', 'policy_node.id', 'goal_policy.policy_id')
      .select('policy_node.code')
      .distinct()
      .where('goal_policy.policy_id', 'in', chunk)
      .execute(),
  );
}

export async function deletePolicyNodes(db: Kysely<Database>, ids: number[]): Promise<void> {
  await forChunks(ids, (chunk) => db.deleteFrom('policy_node').where('id', 'in', chunk).execute());
}

export async function findPolicyId(
  db: Kysely<Database>,
  municipalityId: number,
  code: string,
): Promise<number | undefined> {
  const policy = await db
    .selectFrom('policy_node')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('code', '=', code)
    .executeTakeFirst();
  return policy?.id;
}

/** Links a goal to a policy; linking twice is no change. */
export async function insertGoalPolicy(
  db: Kysely<Database>,
  link: { goalId: number; policyId: number; createdBy: string; now: string },
): Promise<void> {
  await db
    .insertInto('goal_policy')
    .values({
      goal_id: link.goalId,
      policy_id: link.policyId,
      created_by: link.createdBy,
      created_at: link.now,
    })
    .onConflict((oc) => oc.columns(['goal_id', 'policy_id']).doNothing())
    .execute();
}

export async function deleteGoalPolicy(
  db: Kysely<Database>,
  goalId: number,
  policyId: number,
): Promise<void> {
  await db
    .deleteFrom('goal_policy')
    .where('goal_id', '=', goalId)
    .where('policy_id', '=', policyId)
    .execute();
}

/** Which goal of the municipality's fiscal year is linked to which policy node. */
export async function goalPolicyLinksOfYear(
  db: Kysely<Database>,
  municipalityId: number,
  fiscalYear: number,
) {
  return db
    .selectFrom('goal_policy as gp')
    .innerJoin('goal', 'goal.id', 'gp.goal_id')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select(['gp.policy_id', 'gp.goal_id'])
    .where('fy.municipality_id', '=', municipalityId)
    .where('fy.year', '=', fiscalYear)
    .execute();
}

/** Goal-level 'same' links (plan ↔ review of one year) touching the goals; a link between two comes back twice. */
export async function sameGoalLinksOf(db: Kysely<Database>, goalIds: number[]) {
  return inChunks(
    goalIds,
    (chunk) =>
      db
        .selectFrom('goal_link')
        .select(['from_goal_id', 'to_goal_id'])
        .where('kind', '=', 'same')
        .where('status', '!=', 'rejected')
        .where('from_item_id', 'is', null)
        .where('to_item_id', 'is', null)
        .where((eb) => eb.or([eb('from_goal_id', 'in', chunk), eb('to_goal_id', 'in', chunk)]))
        .execute(),
    2,
    2,
  );
}
