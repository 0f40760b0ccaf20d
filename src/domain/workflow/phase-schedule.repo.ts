import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import { phases } from './labels.ts';

/** All SQL of a year's schedule (deadlines, opening days), phase rows and early openings. */

export interface PhaseSchedule {
  dueDate?: string;
  opensOn: string | null;
}

export async function loadSchedule(
  db: Kysely<Database>,
  fiscalYearId: number,
): Promise<Partial<Record<Phase, PhaseSchedule>>> {
  const rows = await db
    .selectFrom('phase_deadline')
    .select(['phase', 'due_date', 'opens_on'])
    .where('fiscal_year_id', '=', fiscalYearId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.phase, { dueDate: r.due_date, opensOn: r.opens_on }]));
}

export async function upsertSchedule(
  db: Kysely<Database>,
  fiscalYearId: number,
  phase: Phase,
  value: { dueDate: string; opensOn: string | null },
  login: string,
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('phase_deadline')
    .values({
      fiscal_year_id: fiscalYearId,
      phase,
      due_date: value.dueDate,
      opens_on: value.opensOn,
      updated_by: login,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['fiscal_year_id', 'phase']).doUpdateSet({
        due_date: value.dueDate,
        opens_on: value.opensOn,
        updated_by: login,
        updated_at: now,
      }),
    )
    .execute();
}

/** Stores a deadline only where the year has none yet (defaults when a year opens or is first viewed). */
export async function insertMissingDeadlines(
  db: Kysely<Database>,
  fiscalYearId: number,
  deadlines: Record<Phase, string>,
  login: string,
): Promise<void> {
  for (const phase of phases) {
    await db
      .insertInto('phase_deadline')
      .values({
        fiscal_year_id: fiscalYearId,
        phase,
        due_date: deadlines[phase],
        updated_by: login,
        updated_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(['fiscal_year_id', 'phase']).doNothing())
      .execute();
  }
}

export interface PhaseRow {
  id: number;
  departmentId: number;
  phase: Phase;
  status: PhaseState;
  openedEarly: boolean;
}

/** The phase rows of one year, for some departments (all when `departmentIds` is undefined). */
export async function yearPhaseRows(
  db: Kysely<Database>,
  fiscalYearId: number,
  departmentIds?: readonly number[],
): Promise<PhaseRow[]> {
  if (departmentIds?.length === 0) return [];
  let query = db
    .selectFrom('phase_status')
    .select(['id', 'department_id', 'phase', 'status', 'opened_early_at'])
    .where('fiscal_year_id', '=', fiscalYearId);
  // A handful of departments per city: far below the bound-parameter limit of db/batch.ts.
  if (departmentIds) query = query.where('department_id', 'in', [...departmentIds]);
  const rows = await query.orderBy('id').execute();
  return rows.map(toPhaseRow);
}

interface StoredPhaseRow {
  id: number;
  department_id: number;
  phase: PhaseRow['phase'];
  status: PhaseState;
  opened_early_at: string | null;
}

function toPhaseRow(r: StoredPhaseRow): PhaseRow {
  return {
    id: r.id,
    departmentId: r.department_id,
    phase: r.phase,
    status: r.status,
    openedEarly: r.opened_early_at !== null,
  };
}

export interface StoredYear {
  fiscalYearId: number;
  /** The deadlines stored for the year, by phase (a phase without one has the default). */
  dueDates: Partial<Record<Phase, string>>;
}

/**
 * The city's fiscal years with their stored deadlines, keyed by 年度, in one query: every year the
 * city has, or only those of `years` (a handful: far below the bound-parameter limit of db/batch.ts).
 */
export async function yearsWithDeadlines(
  db: Kysely<Database>,
  municipalityId: number,
  years?: readonly number[],
): Promise<Map<number, StoredYear>> {
  if (years?.length === 0) return new Map();
  let query = db
    .selectFrom('fiscal_year')
    .leftJoin('phase_deadline', 'phase_deadline.fiscal_year_id', 'fiscal_year.id')
    .select(['fiscal_year.id', 'fiscal_year.year', 'phase_deadline.phase', 'phase_deadline.due_date'])
    .where('fiscal_year.municipality_id', '=', municipalityId);
  if (years) query = query.where('fiscal_year.year', 'in', [...years]);
  const rows = await query.orderBy('fiscal_year.year').execute();
  const out = new Map<number, StoredYear>();
  for (const r of rows) {
    const year = out.get(r.year) ?? { fiscalYearId: r.id, dueDates: {} };
    if (r.phase !== null && r.due_date !== null) year.dueDates[r.phase] = r.due_date;
    out.set(r.year, year);
  }
  return out;
}

/**
 * The phase rows of the city's years (every one, or those of `years`), for some departments (all when
 * `departmentIds` is undefined), each with its 年度, in one query.
 */
export async function phaseRowsOfYears(
  db: Kysely<Database>,
  municipalityId: number,
  years?: readonly number[],
  departmentIds?: readonly number[],
): Promise<Array<PhaseRow & { year: number }>> {
  if (years?.length === 0 || departmentIds?.length === 0) return [];
  let query = db
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select([
      'phase_status.id',
      'phase_status.department_id',
      'phase_status.phase',
      'phase_status.status',
      'phase_status.opened_early_at',
      'fiscal_year.year',
    ])
    .where('fiscal_year.municipality_id', '=', municipalityId);
  if (years) query = query.where('fiscal_year.year', 'in', [...years]);
  if (departmentIds) query = query.where('phase_status.department_id', 'in', [...departmentIds]);
  const rows = await query.orderBy('phase_status.id').execute();
  return rows.map((r) => ({ ...toPhaseRow(r), year: r.year }));
}

export async function markOpenedEarly(db: Kysely<Database>, rowId: number, login: string): Promise<void> {
  const now = nowIso();
  await db
    .updateTable('phase_status')
    .set((eb) => ({
      opened_early_at: now,
      opened_early_by: login,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', rowId)
    .execute();
}

/** Every phase still the department's to move (draft or submitted) that has a deadline, with its department and year. */
export function phasesAwaitingDepartments(db: Kysely<Database>) {
  return db
    .selectFrom('phase_status')
    .innerJoin('phase_deadline', (j) =>
      j
        .onRef('phase_deadline.fiscal_year_id', '=', 'phase_status.fiscal_year_id')
        .onRef('phase_deadline.phase', '=', 'phase_status.phase'),
    )
    .innerJoin('department', 'department.id', 'phase_status.department_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select([
      'phase_status.department_id',
      'phase_status.fiscal_year_id',
      'phase_status.phase',
      'phase_status.status',
      'phase_deadline.due_date',
      'department.name as department_name',
      'department.municipality_id',
      'fiscal_year.year',
    ])
    .where('phase_status.status', 'in', ['draft', 'submitted'])
    .orderBy('phase_status.id')
    .execute();
}

/** The deadlines set for a fiscal year, by phase. */
export async function loadDeadlines(
  db: Kysely<Database>,
  fiscalYearId: number,
): Promise<Partial<Record<Phase, string>>> {
  const rows = await db
    .selectFrom('phase_deadline')
    .select(['phase', 'due_date'])
    .where('fiscal_year_id', '=', fiscalYearId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.phase, r.due_date]));
}

/** Sets a phase's deadline for the year, replacing the one there was. */
export async function upsertDeadline(
  db: Kysely<Database>,
  input: { fiscalYearId: number; phase: Phase; dueDate: string; login: string },
): Promise<void> {
  await db
    .insertInto('phase_deadline')
    .values({
      fiscal_year_id: input.fiscalYearId,
      phase: input.phase,
      due_date: input.dueDate,
      updated_by: input.login,
      updated_at: nowIso(),
    })
    .onConflict((oc) =>
      oc
        .columns(['fiscal_year_id', 'phase'])
        .doUpdateSet({ due_date: input.dueDate, updated_by: input.login, updated_at: nowIso() }),
    )
    .execute();
}
