import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface SearchFacets {
  years: number[];
  departments: Array<{ id: number; name: string; municipality: { code: string; name: string } }>;
}

/** What the filters offer: fiscal years and departments with at least one published block. */
export async function searchFacets(db: Kysely<Database>): Promise<SearchFacets> {
  const published = db
    .selectFrom('phase_status as ps')
    .where('ps.status', '=', 'published')
    .where('ps.phase', 'in', ['goal_setting', 'final']);
  const [years, departments] = await Promise.all([
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
  ]);
  return {
    years: years.map((y) => y.year),
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      municipality: { code: d.code, name: d.municipality_name },
    })),
  };
}
