import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { daysLeft, defaultDeadlines } from './deadline-clock.ts';
import { phaseLabels, phases } from './labels.ts';
import { isOvertaken } from './phase-order.ts';
import { loadSchedule, yearPhaseRows } from './phase-schedule.repo.ts';

/**
 * THE overdue rule (期限超過), used by the matrix, the department panel, reminders and the staff
 * home: past its deadline (end of the day, Asia/Tokyo) while still the department's to move — not
 * started (no row), 作成中, or 提出済み awaiting the department's approval — unless a later phase of
 * the same year is already accepted or published (the year has moved on past it).
 */
export function isPhaseOverdue(input: {
  status: PhaseState | undefined;
  dueDate: string | undefined;
  now: Date;
  overtaken?: boolean;
}): boolean {
  if (input.dueDate === undefined || input.overtaken) return false;
  const waiting = input.status === undefined || input.status === 'draft' || input.status === 'submitted';
  return waiting && daysLeft(input.dueDate, input.now) < 0;
}

export interface PhaseCell {
  departmentId: number;
  departmentName: string;
  phase: Phase;
  /** undefined: not started (no status yet). */
  status: PhaseState | undefined;
  dueDate: string;
  overdue: boolean;
  /** Whole days past the deadline (0 when not overdue). */
  daysOver: number;
}

export interface YearProgress {
  /** undefined: the year was never opened nor imported. */
  fiscalYearId: number | undefined;
  /** Each phase's deadline: the stored one, else the default (5月末, 10月末, 翌4月末). */
  deadlines: Record<Phase, string>;
  cells: PhaseCell[];
}

export interface YearScope {
  municipalityId: number;
  /** 年度 (西暦 of its April). */
  fiscalYear: number;
  /** Only these top-level departments; every one of the city when omitted. */
  departmentIds?: readonly number[];
  now?: Date;
}

/** Departments × phases of one year with status, deadline and the overdue flag. */
export async function yearProgress(db: Kysely<Database>, scope: YearScope): Promise<YearProgress> {
  const now = scope.now ?? new Date();
  const fiscalYearId = await findFiscalYearId(db, scope.municipalityId, scope.fiscalYear);
  const stored = fiscalYearId === undefined ? {} : await loadSchedule(db, fiscalYearId);
  const fallback = defaultDeadlines(scope.fiscalYear);
  const deadlines = Object.fromEntries(phases.map((p) => [p, stored[p]?.dueDate ?? fallback[p]])) as Record<
    Phase,
    string
  >;
  const wanted = scope.departmentIds ? new Set(scope.departmentIds) : undefined;
  const departments = (await listTopDepartments(db, scope.municipalityId)).filter(
    (d) => !wanted || wanted.has(d.id),
  );
  const rows = fiscalYearId === undefined ? [] : await yearPhaseRows(db, fiscalYearId, scope.departmentIds);
  const cells: PhaseCell[] = [];
  for (const d of departments) {
    const states: Partial<Record<Phase, PhaseState>> = Object.fromEntries(
      rows.filter((r) => r.departmentId === d.id).map((r) => [r.phase, r.status]),
    );
    for (const phase of phases) {
      const status = states[phase];
      const dueDate = deadlines[phase];
      // A year never opened has no phases to be late with.
      const overdue =
        fiscalYearId !== undefined &&
        isPhaseOverdue({ status, dueDate, now, overtaken: isOvertaken(phase, states) });
      const daysOver = overdue ? -daysLeft(dueDate, now) : 0;
      cells.push({ departmentId: d.id, departmentName: d.name, phase, status, dueDate, overdue, daysOver });
    }
  }
  return { fiscalYearId, deadlines, cells };
}

export interface OverdueItem extends PhaseCell {
  year: number;
  phaseLabel: string;
}

/**
 * The overdue phases of one year, for the staff home and anyone else listing 期限超過: department
 * order (the city's), then phase order. Read only: a department with no row counts as not started.
 */
export async function overdueFor(db: Kysely<Database>, scope: YearScope): Promise<OverdueItem[]> {
  const { cells } = await yearProgress(db, scope);
  return cells
    .filter((c) => c.overdue)
    .map((c) => ({ ...c, year: scope.fiscalYear, phaseLabel: phaseLabels[c.phase] }));
}
