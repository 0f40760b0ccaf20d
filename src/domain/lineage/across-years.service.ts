import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GoalLinkRow, LinkKind, LinkStatus } from '../../db/tables/lineage.ts';
import { AppError } from '../../errors.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { departmentLineage, type PredecessorDepartment } from '../organisation/department-lineage.ts';
import { type GoalRef, goalRefsOfDepartments } from './goal-ref.repo.ts';
import { activeLinksOf } from './link.repo.ts';
import { UnionFind } from './union-find.ts';

export interface GoalAtYear {
  goalId: number;
  departmentId: number;
  departmentName: string;
  no: number;
  title: string;
}

export interface StepLink {
  kind: LinkKind;
  status: LinkStatus;
  score: number | null;
  fromGoalId: number;
  /** For an absorbed goal: the item of this year's goal that took it over. */
  toItemId: number | null;
}

/** One fiscal year of a goal: as planned (plan block of Y) and as reported (review block of Y, next table). */
export interface ThreadStep {
  fiscalYear: number;
  plan: GoalAtYear | null;
  review: GoalAtYear | null;
  /** new: first planned this year; continued: carries on a goal of the year before; null: only reported. */
  arrival: 'new' | 'continued' | null;
  /** continued: carried on next year; ended: not in next year's plan; null: next year not stored yet. */
  departure: 'continued' | 'ended' | null;
  /** The links that led here from the year before. */
  from: StepLink[];
}

export interface GoalThread {
  /** The latest wording. */
  title: string;
  steps: ThreadStep[];
}

export interface DepartmentHistory {
  department: { id: number; name: string };
  predecessors: PredecessorDepartment[];
  years: number[];
  threads: GoalThread[];
}

/**
 * A department's goals followed across every stored year, through renames and merges back in
 * time: each thread is one goal (or goals that merged), year by year. Rejected links are ignored.
 */
export async function goalsAcrossYears(
  db: Kysely<Database>,
  departmentId: number,
): Promise<DepartmentHistory> {
  const department = await getDepartment(db, departmentId);
  if (!department) throw new AppError('NOT_FOUND', `no department ${departmentId}`, { field: 'department' });
  const predecessors = await departmentLineage(db, departmentId);
  const before = new Map<number, number>(predecessors.map((p) => [p.departmentId, p.before]));
  const goals = (await goalRefsOfDepartments(db, [departmentId, ...before.keys()])).filter(
    (g) => g.fiscalYear < (before.get(g.departmentId) ?? Number.POSITIVE_INFINITY),
  );
  const byId = new Map(goals.map((g) => [g.goalId, g]));
  const links = (await activeLinksOf(db, [...byId.keys()])).filter(
    (l) => l.from_item_id === null && byId.has(l.from_goal_id) && byId.has(l.to_goal_id),
  );
  const { years, steps } = yearSteps(goals, links);
  const moves = links.filter((l) => l.kind !== 'same');
  const threads = new UnionFind<number>();
  for (const root of steps.keys()) threads.add(root);
  for (const l of moves) threads.union(years.find(l.from_goal_id), years.find(l.to_goal_id));
  for (const [root, step] of steps) describeStep(root, step, moves, years);
  return {
    department: { id: department.id, name: department.name },
    predecessors,
    years: [...new Set(goals.map((g) => g.fiscalYear))].sort((a, b) => a - b),
    threads: groupThreads(steps, threads),
  };
}

const DECIDED: ReadonlySet<LinkStatus> = new Set(['confirmed', 'manual']);

/**
 * Joins each plan goal of a year with the review goal that reports it, into one step. A step holds
 * at most one goal of each block, so every goal is shown exactly once, whatever links it has: links
 * a person decided go first, then suggestions by score; a link that would put a second plan (or
 * review) goal into a step, or join two years, is not followed.
 */
function yearSteps(goals: GoalRef[], links: GoalLinkRow[]) {
  const years = new UnionFind<number>();
  const slots = new Map<number, { year: number; plan: GoalRef | null; review: GoalRef | null }>();
  for (const g of goals) {
    years.add(g.goalId);
    slots.set(g.goalId, {
      year: g.fiscalYear,
      plan: g.block === 'plan' ? g : null,
      review: g.block === 'review' ? g : null,
    });
  }
  const same = links
    .filter((l) => l.kind === 'same' && l.to_item_id === null)
    .sort(
      (a, b) =>
        Number(DECIDED.has(b.status)) - Number(DECIDED.has(a.status)) ||
        (b.score ?? 0) - (a.score ?? 0) ||
        a.id - b.id,
    );
  for (const l of same) {
    const [ra, rb] = [years.find(l.from_goal_id), years.find(l.to_goal_id)];
    const [a, b] = [slots.get(ra), slots.get(rb)];
    if (ra === rb || !a || !b || a.year !== b.year) continue;
    if ((a.plan && b.plan) || (a.review && b.review)) continue;
    years.union(ra, rb);
    slots.set(years.find(ra), { year: a.year, plan: a.plan ?? b.plan, review: a.review ?? b.review });
  }
  const steps = new Map<number, ThreadStep>();
  for (const g of goals) {
    const root = years.find(g.goalId);
    const slot = slots.get(root);
    if (!slot || steps.has(root)) continue;
    steps.set(root, {
      ...emptyStep(slot.year),
      plan: slot.plan ? atYear(slot.plan) : null,
      review: slot.review ? atYear(slot.review) : null,
    });
  }
  return { years, steps };
}

function emptyStep(fiscalYear: number): ThreadStep {
  return { fiscalYear, plan: null, review: null, arrival: null, departure: null, from: [] };
}

function atYear(g: GoalRef): GoalAtYear {
  return {
    goalId: g.goalId,
    departmentId: g.departmentId,
    departmentName: g.departmentName,
    no: g.no,
    title: g.title,
  };
}

function describeStep(root: number, step: ThreadStep, moves: GoalLinkRow[], years: UnionFind<number>): void {
  const incoming = moves.filter((l) => years.find(l.to_goal_id) === root);
  step.from = incoming.map((l) => ({
    kind: l.kind,
    status: l.status,
    score: l.score,
    fromGoalId: l.from_goal_id,
    toItemId: l.to_item_id,
  }));
  if (step.plan) {
    step.arrival = incoming.some((l) => l.kind === 'continues' && l.to_item_id === null)
      ? 'continued'
      : 'new';
  }
  if (moves.some((l) => years.find(l.from_goal_id) === root)) step.departure = 'continued';
  else if (step.review) step.departure = 'ended';
}

function groupThreads(steps: Map<number, ThreadStep>, threads: UnionFind<number>): GoalThread[] {
  const grouped = new Map<number, ThreadStep[]>();
  for (const [root, step] of steps) {
    const key = threads.find(root);
    grouped.set(key, [...(grouped.get(key) ?? []), step]);
  }
  const no = (s: ThreadStep) => (s.plan ?? s.review)?.no ?? 0;
  const result = [...grouped.values()].map((list) => {
    const sorted = list.sort((a, b) => a.fiscalYear - b.fiscalYear || no(a) - no(b));
    const last = sorted[sorted.length - 1];
    return { title: (last?.plan ?? last?.review)?.title ?? '', steps: sorted };
  });
  const lastOf = (t: GoalThread) => t.steps[t.steps.length - 1] as ThreadStep;
  return result.sort((a, b) => lastOf(b).fiscalYear - lastOf(a).fiscalYear || no(lastOf(a)) - no(lastOf(b)));
}
