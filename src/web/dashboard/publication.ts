import type { Kysely } from 'kysely';
import type { Database, DepartmentRow, MunicipalityRow } from '../../db/schema.ts';
import { getDepartment } from '../../domain/departments/department.repo.ts';
import { findMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { AppError } from '../../errors.ts';

/**
 * What the public may see of a department's fiscal year: `full` when both the plan block
 * (goal_setting) and the review block (final) are published, `plan` when only the targets are,
 * `none` otherwise. The evaluation pairs both blocks, so only `full` years are evaluated in public.
 */
export type Publication = 'full' | 'plan' | 'none';

interface PublishedPhase {
  departmentId: number;
  year: number;
  phase: string;
}

async function publishedPhases(
  db: Kysely<Database>,
  municipalityId: number,
  departmentId?: number,
): Promise<PublishedPhase[]> {
  let query = db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select(['ps.department_id as departmentId', 'fy.year as year', 'ps.phase as phase'])
    .where('fy.municipality_id', '=', municipalityId)
    .where('ps.status', '=', 'published')
    .where('ps.phase', 'in', ['goal_setting', 'final']);
  if (departmentId !== undefined) query = query.where('ps.department_id', '=', departmentId);
  return query.execute();
}

/** Publication of every department and year of a municipality: `${departmentId}/${year}` → state. */
export async function publicationMap(
  db: Kysely<Database>,
  municipalityId: number,
  departmentId?: number,
): Promise<Map<string, Publication>> {
  const phases = await publishedPhases(db, municipalityId, departmentId);
  const result = new Map<string, Publication>();
  const has = (p: PublishedPhase, phase: string) =>
    phases.some((q) => q.departmentId === p.departmentId && q.year === p.year && q.phase === phase);
  for (const p of phases) {
    if (!has(p, 'goal_setting')) continue;
    result.set(`${p.departmentId}/${p.year}`, has(p, 'final') ? 'full' : 'plan');
  }
  return result;
}

export function publicationOf(
  map: Map<string, Publication>,
  departmentId: number,
  year: number,
): Publication {
  return map.get(`${departmentId}/${year}`) ?? 'none';
}

/** Years in which at least one department (of the map) is fully public, newest first. */
export function fullYears(map: Map<string, Publication>): number[] {
  const years = [...map].filter(([, state]) => state === 'full').map(([key]) => Number(key.split('/')[1]));
  return [...new Set(years)].sort((a, b) => b - a);
}

export async function requireMunicipality(db: Kysely<Database>, code: string): Promise<MunicipalityRow> {
  const municipality = await findMunicipality(db, code);
  if (!municipality) throw new AppError('NOT_FOUND', `no municipality "${code}"`);
  return municipality;
}

export async function requireTopDepartment(
  db: Kysely<Database>,
  municipality: MunicipalityRow,
  departmentId: number,
): Promise<DepartmentRow> {
  const department = await getDepartment(db, departmentId);
  if (!department || department.municipality_id !== municipality.id || department.parent_id !== null) {
    throw new AppError('NOT_FOUND', 'no such department');
  }
  return department;
}
