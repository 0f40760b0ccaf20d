import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GoalLinkRow, LinkKind, LinkStatus } from '../../db/tables/lineage.ts';
import { type GoalRef, goalRefsOfDepartments } from './goal-ref.repo.ts';
import { activeLinksOf } from './link.repo.ts';

export type YearStatus = 'continued' | 'new' | 'ended';

export interface LinkView {
  linkId: number;
  kind: LinkKind;
  status: LinkStatus;
  score: number | null;
  /** The goal at the other end (and its item, for an absorbed goal). */
  goalId: number;
  itemId: number | null;
}

export interface ClassifiedGoal extends GoalRef {
  status: YearStatus;
  links: LinkView[];
}

export interface TableLineage {
  departmentId: number;
  planYear: number;
  /** Goals of planYear-1: continued (into a goal, or absorbed by an item) or ended. */
  review: ClassifiedGoal[];
  /** Goals of planYear: continued (from a goal of the year before) or new. */
  plan: ClassifiedGoal[];
}

/** How each goal of one table moved on from last year: continued, new or ended (rejected links ignored). */
export async function classifyTable(
  db: Kysely<Database>,
  departmentId: number,
  planYear: number,
): Promise<TableLineage> {
  const goals = (await goalRefsOfDepartments(db, [departmentId])).filter(
    (g) =>
      (g.block === 'review' && g.fiscalYear === planYear - 1) ||
      (g.block === 'plan' && g.fiscalYear === planYear),
  );
  const links = (
    await activeLinksOf(
      db,
      goals.map((g) => g.goalId),
    )
  ).filter((l) => l.kind !== 'same' && l.from_item_id === null);
  const view = (l: GoalLinkRow, outgoing: boolean): LinkView => ({
    linkId: l.id,
    kind: l.kind,
    status: l.status,
    score: l.score,
    goalId: outgoing ? l.to_goal_id : l.from_goal_id,
    itemId: outgoing ? l.to_item_id : null,
  });
  const review = goals
    .filter((g) => g.block === 'review')
    .map((g) => {
      const out = links.filter((l) => l.from_goal_id === g.goalId).map((l) => view(l, true));
      return { ...g, status: out.length > 0 ? ('continued' as const) : ('ended' as const), links: out };
    });
  const plan = goals
    .filter((g) => g.block === 'plan')
    .map((g) => {
      // Only a goal-to-goal link makes a goal continued; an item that absorbed an old goal does not.
      const into = links
        .filter((l) => l.to_goal_id === g.goalId && l.kind === 'continues' && l.to_item_id === null)
        .map((l) => view(l, false));
      return { ...g, status: into.length > 0 ? ('continued' as const) : ('new' as const), links: into };
    });
  return { departmentId, planYear, review, plan };
}
