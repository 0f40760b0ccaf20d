import type { Kysely } from 'kysely';
import type { BlockKind, Database } from '../../db/schema.ts';
import type { GoalLinkRow } from '../../db/tables/lineage.ts';

export interface BlockGoal {
  id: number;
  no: number;
  title: string;
}

/** Goal ids of one block of a department, in block order. */
export async function blockGoalIds(
  db: Kysely<Database>,
  block: { departmentId: number; year: number; block: BlockKind },
): Promise<number[]> {
  return (await blockGoalList(db, block)).map((g) => g.id);
}

/** The goals of one block of a department, in block order. */
export async function blockGoalList(
  db: Kysely<Database>,
  block: { departmentId: number; year: number; block: BlockKind },
): Promise<BlockGoal[]> {
  return db
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select(['goal.id', 'goal.no', 'goal.title'])
    .where('goal.department_id', '=', block.departmentId)
    .where('fy.year', '=', block.year)
    .where('goal.block', '=', block.block)
    .orderBy('goal.position')
    .orderBy('goal.id')
    .execute();
}

/** Goal-to-goal 'continues' links (not rejected) into a plan goal or out of a review goal. */
export async function continuesTouching(
  db: Kysely<Database>,
  ends: { planGoalId: number; reviewGoalId: number | null },
): Promise<GoalLinkRow[]> {
  return db
    .selectFrom('goal_link')
    .selectAll()
    .where('kind', '=', 'continues')
    .where('status', '!=', 'rejected')
    .where('from_item_id', 'is', null)
    .where('to_item_id', 'is', null)
    .where((eb) =>
      ends.reviewGoalId === null
        ? eb('to_goal_id', '=', ends.planGoalId)
        : eb.or([eb('to_goal_id', '=', ends.planGoalId), eb('from_goal_id', '=', ends.reviewGoalId)]),
    )
    .orderBy('id')
    .execute();
}
