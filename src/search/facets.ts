import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadGradeScale } from '../domain/evaluation/grade-scale.repo.ts';

export interface SearchFacets {
  years: number[];
  departments: Array<{ id: number; name: string; municipality: { code: string; name: string } }>;
  /** Grade labels, best first, of the scales of municipalities with a fully public year; else none. */
  grades: string[];
}

/** What the filters offer: fiscal years and departments with at least one published block, and grades. */
export async function searchFacets(db: Kysely<Database>): Promise<SearchFacets> {
  const published = db
    .selectFrom('phase_status as ps')
    .where('ps.status', '=', 'published')
    .where('ps.phase', 'in', ['goal_setting', 'final']);
  const [years, departments, grades] = await Promise.all([
    published
      .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
      .select('fy.year')
      .distinct()
      .orderBy('fy.year', 'desc')
      .execute(),
    published
      .innerJoin('department as d', 'd.id', 'ps.department_id')
      .innerJoin('municipality as m', 'm.id', 'd.municipality_id')
      .select(['d.id', 'd.name', 'm.id as municipality_id', 'm.code', 'm.name as municipality_name'])
      .distinct()
      .orderBy('m.id')
      .orderBy('d.id')
      .execute(),
    gradeLabels(db),
  ]);
  return {
    years: years.map((y) => y.year),
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      municipality: { code: d.code, name: d.municipality_name },
    })),
    grades,
  };
}

/** Grades exist in public only where a department's year has both its targets and results published. */
async function gradeLabels(db: Kysely<Database>): Promise<string[]> {
  const municipalities = await db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select('fy.municipality_id')
    .distinct()
    .where('ps.phase', '=', 'final')
    .where('ps.status', '=', 'published')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('phase_status as plan')
          .select('plan.id')
          .whereRef('plan.department_id', '=', 'ps.department_id')
          .whereRef('plan.fiscal_year_id', '=', 'ps.fiscal_year_id')
          .where('plan.phase', '=', 'goal_setting')
          .where('plan.status', '=', 'published'),
      ),
    )
    .orderBy('fy.municipality_id')
    .execute();
  const labels: string[] = [];
  for (const { municipality_id } of municipalities) {
    const scale = await loadGradeScale(db, municipality_id);
    for (const band of scale.bands) if (!labels.includes(band.label)) labels.push(band.label);
  }
  return labels;
}
