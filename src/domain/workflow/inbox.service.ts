import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { type Action, authorize, can, canAnywhere } from '../auth/policy.ts';
import { fiscalYearOf } from '../fiscal-year/wareki.ts';
import { listPhases } from './inbox.repo.ts';
import { type OverdueItem, overdueForYears, overdueOf, yearsProgress } from './overdue.ts';

/**
 * "What waits for whom": the task each state hands to someone, and the policy action that someone
 * needs. Who sees a task is decided by the policy (can), never by role names here.
 */
export type Task = 'write' | 'approve' | 'accept' | 'publish';
const TASKS: Partial<Record<PhaseState, { task: Task; action: Action }>> = {
  draft: { task: 'write', action: 'workflow.submit' },
  submitted: { task: 'approve', action: 'workflow.approve' },
  approved: { task: 'accept', action: 'workflow.accept' },
  // 公表 and any 市長決裁 recorded before it are both planning's (sign needs workflow.accept too).
  accepted: { task: 'publish', action: 'workflow.publish' },
};

export interface WaitingEntry {
  task: Task;
  departmentId: number;
  departmentName: string;
  year: number;
  phase: Phase;
  status: PhaseState;
  dueDate: string | undefined;
  overdue: boolean;
  /** Came back with a 差し戻し: the comment it was returned with. */
  returned?: { comment: string | undefined };
}

export interface OverdueEntry {
  departmentId: number;
  departmentName: string;
  year: number;
  phase: Phase;
  /** undefined: never started (no row), which is late too once the deadline passed. */
  status: PhaseState | undefined;
  dueDate: string;
}

export interface ProgressCell {
  phase: Phase;
  /** undefined: the phase has not been started (the year is not opened for it). */
  status: PhaseState | undefined;
  dueDate: string | undefined;
  overdue: boolean;
}

export interface Inbox {
  waiting: WaitingEntry[];
  overdue: OverdueEntry[];
  progress: {
    year: number;
    departments: Array<{ id: number; name: string; cells: ProgressCell[] }>;
  };
}

/** The departments a person follows: their own, or every department for city-wide roles. */
function scopeOf(actor: Actor): number[] | undefined {
  if (actor.grants.some((g) => g.departmentId === null)) return undefined;
  return [...new Set(actor.grants.map((g) => g.departmentId).filter((d): d is number => d !== null))];
}

const mayDo = (actor: Actor, action: Action, departmentId: number) =>
  can(actor, action, { municipalityId: actor.municipalityId, departmentId });

type WaitingRow = Omit<WaitingEntry, 'overdue'>;

/** Phases waiting for this person, without the overdue flag (the header only counts them). */
async function waitingRows(db: Kysely<Database>, actor: Actor): Promise<WaitingRow[]> {
  const states = (Object.keys(TASKS) as PhaseState[]).filter((s) => {
    const t = TASKS[s];
    return t !== undefined && canAnywhere(actor, t.action);
  });
  const rows = await listPhases(db, {
    municipalityId: actor.municipalityId,
    departmentIds: scopeOf(actor),
    states,
  });
  const entries: WaitingRow[] = [];
  for (const r of rows) {
    const t = TASKS[r.status];
    if (!t || !mayDo(actor, t.action, r.departmentId)) continue;
    entries.push({
      task: t.task,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      year: r.year,
      phase: r.phase,
      status: r.status,
      dueDate: r.dueDate,
      returned: r.status === 'draft' && r.lastAction === 'return' ? { comment: r.lastComment } : undefined,
    });
  }
  return entries;
}

const keyOf = (e: { departmentId: number; year: number; phase: Phase }) =>
  `${e.departmentId} ${e.year} ${e.phase}`;

/**
 * The overdue phases of the given years, by THE rule (workflow/overdue.ts) that the matrix and the
 * department panel use: a phase never started counts, and a missing deadline is the default one.
 */
async function overdueOfYears(
  db: Kysely<Database>,
  actor: Actor,
  years: readonly number[],
  now: Date,
): Promise<OverdueItem[]> {
  const departmentIds = scopeOf(actor);
  if (departmentIds?.length === 0 || years.length === 0) return [];
  return overdueForYears(db, {
    municipalityId: actor.municipalityId,
    fiscalYears: years,
    departmentIds,
    now,
  });
}

function withOverdue(rows: WaitingRow[], late: readonly OverdueItem[]): WaitingEntry[] {
  const lateKeys = new Map(late.map((o) => [keyOf(o), o.dueDate]));
  const entries = rows.map((r) => ({
    ...r,
    dueDate: r.dueDate ?? lateKeys.get(keyOf(r)),
    overdue: lateKeys.has(keyOf(r)),
  }));
  // Returned work first, then by deadline (none last), then as listed.
  const key = (e: WaitingEntry) => `${e.returned ? 0 : 1}${e.dueDate ?? '9999-99-99'}`;
  return entries.sort((a, b) => key(a).localeCompare(key(b)));
}

/** Phases waiting for this person: to write and submit, to approve, to accept, to publish. */
export async function waitingFor(db: Kysely<Database>, actor: Actor, now: Date): Promise<WaitingEntry[]> {
  const rows = await waitingRows(db, actor);
  const late = await overdueOfYears(
    db,
    actor,
    rows.map((r) => r.year),
    now,
  );
  return withOverdue(rows, late);
}

/** How many phases wait for this person: the count in every staff page's header. */
export async function countWaiting(db: Kysely<Database>, actor: Actor): Promise<number> {
  return (await waitingRows(db, actor)).length;
}

/**
 * The staff home: what waits for me, what is overdue (in every year the city has, as the matrix
 * counts it), and my departments through this year's phases.
 */
export async function loadInbox(db: Kysely<Database>, actor: Actor, now: Date): Promise<Inbox> {
  authorize(actor, 'internal.read', { municipalityId: actor.municipalityId });
  const departmentIds = scopeOf(actor);
  const year = fiscalYearOf(now);
  // Every year the city has (for 期限超過) and this year (for the progress), in one go: a fixed
  // number of queries however many years the city keeps.
  const years = await yearsProgress(db, {
    municipalityId: actor.municipalityId,
    fiscalYears: [year],
    everyStoredYear: true,
    departmentIds,
    now,
  });
  const late = overdueOf(years);
  const overdue = late.map(({ departmentId, departmentName, year: y, phase, status, dueDate }) => ({
    departmentId,
    departmentName,
    year: y,
    phase,
    status,
    dueDate,
  }));
  const thisYear = years.get(year);
  if (!thisYear) throw new Error(`yearsProgress left out the year asked for (${year})`);
  const { fiscalYearId, cells } = thisYear;
  const byDepartment = new Map<number, { id: number; name: string; cells: ProgressCell[] }>();
  for (const c of cells) {
    const d = byDepartment.get(c.departmentId) ?? { id: c.departmentId, name: c.departmentName, cells: [] };
    // A year never opened shows no deadlines yet: they are set when planning opens it.
    d.cells.push({
      phase: c.phase,
      status: c.status,
      dueDate: fiscalYearId === undefined ? undefined : c.dueDate,
      overdue: c.overdue,
    });
    byDepartment.set(c.departmentId, d);
  }
  const waiting = withOverdue(await waitingRows(db, actor), late);
  return { waiting, overdue, progress: { year, departments: [...byDepartment.values()] } };
}
