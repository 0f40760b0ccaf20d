import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type GoalRef, goalRefs } from '../lineage/goal-ref.repo.ts';
import { UnionFind } from '../lineage/union-find.ts';
import { goalPolicyLinksOfYear, listPolicyNodes, sameGoalLinksOf } from './policy.repo.ts';

export interface GoalSide {
  goalId: number;
  no: number;
  title: string;
}

/** One department's goal of the fiscal year, as planned and (once the next table is in) as reported. */
export interface AlignedGoal {
  departmentId: number;
  departmentName: string;
  fiscalYear: number;
  plan: GoalSide | null;
  review: GoalSide | null;
  /** Which side carries the policy link; the other shares it through their 'same' lineage link. */
  linked: 'plan' | 'review' | 'both';
}

export interface PolicyGoals {
  id: number;
  code: string;
  name: string;
  depth: number;
  parentCode: string | null;
  /** Names from the 基本目標 down to this node. */
  path: string[];
  goals: AlignedGoal[];
  /** Distinct goals here and in every node below. */
  totalGoals: number;
}

/**
 * The comprehensive plan of a municipality, node by node in tree order, with the goals of one fiscal
 * year tied to each: the policy view of the same goals the department view shows.
 */
export async function goalsByPolicy(
  db: Kysely<Database>,
  municipalityId: number,
  fiscalYear: number,
): Promise<PolicyGoals[]> {
  const nodes = await listPolicyNodes(db, municipalityId);
  if (nodes.length === 0) return [];
  const linkRows = await goalPolicyLinksOfYear(db, municipalityId, fiscalYear);
  const linkedIds = [...new Set(linkRows.map((r) => r.goal_id))];
  // A link between two pieces comes back twice; the union-find below takes it the same.
  const sameLinks = await sameGoalLinksOf(db, linkedIds);
  const goals = new Map(
    (await goalRefs(db, [...linkedIds, ...sameLinks.flatMap((l) => [l.from_goal_id, l.to_goal_id])])).map(
      (g) => [g.goalId, g],
    ),
  );
  const years = new UnionFind<number>();
  for (const id of goals.keys()) years.add(id);
  for (const l of sameLinks) years.union(l.from_goal_id, l.to_goal_id);

  const direct = new Map<number, AlignedGoal[]>();
  for (const node of nodes) {
    const byYearGoal = new Map<number, AlignedGoal>();
    for (const row of linkRows.filter((r) => r.policy_id === node.id)) {
      const root = years.find(row.goal_id);
      const side = goals.get(row.goal_id)?.block === 'plan' ? 'plan' : 'review';
      const seen = byYearGoal.get(root);
      if (seen) seen.linked = seen.linked === side ? side : 'both';
      else byYearGoal.set(root, alignedGoal(root, goals, years, side));
    }
    direct.set(node.id, [...byYearGoal.values()].sort(byDepartmentAndRow));
  }
  return inTreeOrder(nodes, direct);
}

function alignedGoal(
  root: number,
  goals: Map<number, GoalRef>,
  years: UnionFind<number>,
  linked: AlignedGoal['linked'],
): AlignedGoal {
  const members = [...goals.values()].filter((g) => years.find(g.goalId) === root);
  const side = (block: 'plan' | 'review'): GoalSide | null => {
    const g = members.find((m) => m.block === block);
    return g ? { goalId: g.goalId, no: g.no, title: g.title } : null;
  };
  const first = members[0] as GoalRef;
  return {
    departmentId: first.departmentId,
    departmentName: first.departmentName,
    fiscalYear: first.fiscalYear,
    plan: side('plan'),
    review: side('review'),
    linked,
  };
}

function byDepartmentAndRow(a: AlignedGoal, b: AlignedGoal): number {
  const no = (g: AlignedGoal) => (g.plan ?? g.review)?.no ?? 0;
  return a.departmentId - b.departmentId || no(a) - no(b);
}

function inTreeOrder(
  nodes: Awaited<ReturnType<typeof listPolicyNodes>>,
  direct: Map<number, AlignedGoal[]>,
): PolicyGoals[] {
  const children = new Map<number | null, typeof nodes>();
  for (const n of nodes) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n]);
  const out: PolicyGoals[] = [];
  const key = (g: AlignedGoal) => `${g.plan?.goalId ?? 0}/${g.review?.goalId ?? 0}`;
  const visit = (parentId: number | null, parentCode: string | null, path: string[]): Set<string> => {
    const below = new Set<string>();
    for (const node of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
      const entry: PolicyGoals = {
        id: node.id,
        code: node.code,
        name: node.name,
        depth: node.depth,
        parentCode,
        path: [...path, node.name],
        goals: direct.get(node.id) ?? [],
        totalGoals: 0,
      };
      out.push(entry);
      const mine = new Set([...entry.goals.map(key), ...visit(node.id, node.code, entry.path)]);
      entry.totalGoals = mine.size;
      for (const k of mine) below.add(k);
    }
    return below;
  };
  visit(null, null, []);
  return out;
}
