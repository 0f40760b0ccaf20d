import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { type Action, authorize, can, canAnywhere } from '../auth/policy.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { fiscalYearOf } from '../fiscal-year/wareki.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { listPhases, type PhaseRow } from './inbox.repo.ts';
import { phases } from './labels.ts';
import { loadDeadlines } from './phase-schedule.repo.ts';
import { isLate } from './reminder-plan.ts';

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
  status: PhaseState;
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

/**
 * The one overdue rule for this page, read through the workflow's own (reminder-plan isLate), so a
 * change there (phases not yet started, say) flows in here unchanged.
 */
function overdueOf(status: PhaseState | undefined, dueDate: string | undefined, now: Date): boolean {
  return status !== undefined && isLate(status, dueDate, now);
}

/** The departments a person follows: their own, or every department for city-wide roles. */
function scopeOf(actor: Actor): number[] | undefined {
  if (actor.grants.some((g) => g.departmentId === null)) return undefined;
  return [...new Set(actor.grants.map((g) => g.departmentId).filter((d): d is number => d !== null))];
}

const mayDo = (actor: Actor, action: Action, departmentId: number) =>
  can(actor, action, { municipalityId: actor.municipalityId, departmentId });

/** Phases waiting for this person: to write and submit, to approve, to accept, to publish. */
export async function waitingFor(db: Kysely<Database>, actor: Actor, now: Date): Promise<WaitingEntry[]> {
  const states = (Object.keys(TASKS) as PhaseState[]).filter((s) => {
    const t = TASKS[s];
    return t !== undefined && canAnywhere(actor, t.action);
  });
  const rows = await listPhases(db, {
    municipalityId: actor.municipalityId,
    departmentIds: scopeOf(actor),
    states,
  });
  const entries: WaitingEntry[] = [];
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
      overdue: overdueOf(r.status, r.dueDate, now),
      returned: r.status === 'draft' && r.lastAction === 'return' ? { comment: r.lastComment } : undefined,
    });
  }
  // Returned work first, then by deadline (none last), then as listed.
  const key = (e: WaitingEntry) => `${e.returned ? 0 : 1}${e.dueDate ?? '9999-99-99'}`;
  return entries.sort((a, b) => key(a).localeCompare(key(b)));
}

/** How many phases wait for this person: the count in every staff page's header. */
export async function countWaiting(db: Kysely<Database>, actor: Actor, now: Date): Promise<number> {
  return (await waitingFor(db, actor, now)).length;
}

/** The staff home: what waits for me, what is overdue, and my departments through this year's phases. */
export async function loadInbox(db: Kysely<Database>, actor: Actor, now: Date): Promise<Inbox> {
  authorize(actor, 'internal.read', { municipalityId: actor.municipalityId });
  const departmentIds = scopeOf(actor);
  const year = fiscalYearOf(now);
  const open = await listPhases(db, {
    municipalityId: actor.municipalityId,
    departmentIds,
    states: ['draft', 'submitted', 'approved', 'accepted'],
  });
  const overdue = open
    .filter(
      (r): r is PhaseRow & { dueDate: string } =>
        r.dueDate !== undefined && overdueOf(r.status, r.dueDate, now),
    )
    .map(({ departmentId, departmentName, year: y, phase, status, dueDate }) => ({
      departmentId,
      departmentName,
      year: y,
      phase,
      status,
      dueDate,
    }));
  const thisYear = await listPhases(db, { municipalityId: actor.municipalityId, departmentIds, year });
  const fiscalYearId = await findFiscalYearId(db, actor.municipalityId, year);
  const deadlines = fiscalYearId === undefined ? {} : await loadDeadlines(db, fiscalYearId);
  const departments = (await listTopDepartments(db, actor.municipalityId))
    .filter((d) => departmentIds === undefined || departmentIds.includes(d.id))
    .map((d) => ({
      id: d.id,
      name: d.name,
      cells: phases.map((phase) => {
        const status = thisYear.find((r) => r.departmentId === d.id && r.phase === phase)?.status;
        const dueDate = deadlines[phase];
        return { phase, status, dueDate, overdue: overdueOf(status, dueDate, now) };
      }),
    }));
  return { waiting: await waitingFor(db, actor, now), overdue, progress: { year, departments } };
}
