import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { daysLeft, defaultDeadlines } from './deadline-clock.ts';
import { phaseLabels, phases } from './labels.ts';
import { isOvertaken } from './phase-order.ts';
import { phaseRowsOfYears, yearsWithDeadlines } from './phase-schedule.repo.ts';

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

export interface YearsScope extends Omit<YearScope, 'fiscalYear'> {
  /** These 年度, stored or not (a year never opened has nothing overdue). */
  fiscalYears?: readonly number[];
  /** Every 年度 the city has, besides any `fiscalYears`. */
  everyStoredYear?: boolean;
}

/**
 * Departments × phases of several years with status, deadline and the overdue flag, by 年度 in
 * ascending order. Three queries however many years (departments, years with their deadlines, phase
 * rows): the staff home asks for every year the city has on each load.
 */
export async function yearsProgress(
  db: Kysely<Database>,
  scope: YearsScope,
): Promise<Map<number, YearProgress>> {
  const now = scope.now ?? new Date();
  const named = scope.everyStoredYear ? undefined : [...new Set(scope.fiscalYears ?? [])];
  const wanted = scope.departmentIds ? new Set(scope.departmentIds) : undefined;
  const [stored, allDepartments, rows] = await Promise.all([
    yearsWithDeadlines(db, scope.municipalityId, named),
    listTopDepartments(db, scope.municipalityId),
    phaseRowsOfYears(db, scope.municipalityId, named, scope.departmentIds),
  ]);
  const departments = allDepartments.filter((d) => !wanted || wanted.has(d.id));
  const years = [...new Set([...(scope.fiscalYears ?? []), ...stored.keys()])].sort((a, b) => a - b);
  const out = new Map<number, YearProgress>();
  for (const year of years) {
    const fiscalYearId = stored.get(year)?.fiscalYearId;
    const dueDates = stored.get(year)?.dueDates ?? {};
    const fallback = defaultDeadlines(year);
    const deadlines = Object.fromEntries(phases.map((p) => [p, dueDates[p] ?? fallback[p]])) as Record<
      Phase,
      string
    >;
    const yearRows = rows.filter((r) => r.year === year);
    const cells: PhaseCell[] = [];
    for (const d of departments) {
      const states: Partial<Record<Phase, PhaseState>> = Object.fromEntries(
        yearRows.filter((r) => r.departmentId === d.id).map((r) => [r.phase, r.status]),
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
    out.set(year, { fiscalYearId, deadlines, cells });
  }
  return out;
}

/** Departments × phases of one year with status, deadline and the overdue flag. */
export async function yearProgress(db: Kysely<Database>, scope: YearScope): Promise<YearProgress> {
  const { fiscalYear, ...rest } = scope;
  const progress = (await yearsProgress(db, { ...rest, fiscalYears: [fiscalYear] })).get(fiscalYear);
  if (!progress) throw new Error(`yearsProgress left out the year asked for (${fiscalYear})`);
  return progress;
}

export interface OverdueItem extends PhaseCell {
  year: number;
  phaseLabel: string;
}

/** The overdue cells of progress already loaded: year order, then the city's department order, then phase order. */
export function overdueOf(progress: ReadonlyMap<number, YearProgress>): OverdueItem[] {
  return [...progress].flatMap(([year, { cells }]) =>
    cells.filter((c) => c.overdue).map((c) => ({ ...c, year, phaseLabel: phaseLabels[c.phase] })),
  );
}

/**
 * The overdue phases of several years (or every year the city has) in one go, for the staff home and
 * anyone else listing 期限超過: year order, then department order (the city's), then phase order.
 * Read only: a department with no row counts as not started.
 */
export async function overdueForYears(db: Kysely<Database>, scope: YearsScope): Promise<OverdueItem[]> {
  return overdueOf(await yearsProgress(db, scope));
}

/** The overdue phases of one year (overdueForYears of that year). */
export async function overdueFor(db: Kysely<Database>, scope: YearScope): Promise<OverdueItem[]> {
  const { fiscalYear, ...rest } = scope;
  return overdueForYears(db, { ...rest, fiscalYears: [fiscalYear] });
}
