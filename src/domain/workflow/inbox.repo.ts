import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';

/** One phase of one department's year, with its deadline and what last happened to it. */
export interface PhaseRow {
  departmentId: number;
  departmentName: string;
  year: number;
  phase: Phase;
  status: PhaseState;
  version: number;
  dueDate: string | undefined;
  /** The last workflow step taken on it ('return' when it came back with a 差し戻し). */
  lastAction: string | undefined;
  lastComment: string | undefined;
}

export interface PhaseFilter {
  municipalityId: number;
  /** Only these departments; undefined for every department of the city. */
  departmentIds?: readonly number[];
  /** Only phases in these states. */
  states?: readonly PhaseState[];
  /** Only this fiscal year. */
  year?: number;
}

/** Phases of top-level departments matching the filter, oldest year first, then department, then phase. */
export async function listPhases(db: Kysely<Database>, filter: PhaseFilter): Promise<PhaseRow[]> {
  if (filter.departmentIds?.length === 0 || filter.states?.length === 0) return [];
  let query = db
    .selectFrom('phase_status as ps')
    .innerJoin('department as d', 'd.id', 'ps.department_id')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .leftJoin('phase_deadline as pd', (j) =>
      j.onRef('pd.fiscal_year_id', '=', 'ps.fiscal_year_id').onRef('pd.phase', '=', 'ps.phase'),
    )
    .select((eb) => {
      const last = eb
        .selectFrom('workflow_event as we')
        .whereRef('we.department_id', '=', 'ps.department_id')
        .whereRef('we.fiscal_year_id', '=', 'ps.fiscal_year_id')
        .whereRef('we.phase', '=', 'ps.phase')
        .orderBy('we.id', 'desc')
        .limit(1);
      return [
        'ps.department_id',
        'd.name as department_name',
        'fy.year',
        'ps.phase',
        'ps.status',
        'ps.version',
        'pd.due_date',
        last.select('we.action').as('last_action'),
        last.select('we.comment').as('last_comment'),
      ];
    })
    .where('d.municipality_id', '=', filter.municipalityId)
    .where('d.parent_id', 'is', null);
  if (filter.departmentIds) query = query.where('ps.department_id', 'in', [...filter.departmentIds]);
  if (filter.states) query = query.where('ps.status', 'in', [...filter.states]);
  if (filter.year !== undefined) query = query.where('fy.year', '=', filter.year);
  const rows = await query.orderBy('fy.year').orderBy('d.id').orderBy('ps.id').execute();
  return rows.map((r) => ({
    departmentId: r.department_id,
    departmentName: r.department_name,
    year: r.year,
    phase: r.phase,
    status: r.status,
    version: r.version,
    dueDate: r.due_date ?? undefined,
    lastAction: r.last_action ?? undefined,
    lastComment: r.last_comment ?? undefined,
  }));
}
