import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { scalesForYears } from '../domain/evaluation/grade-scale.repo.ts';
import {
  fullyPublicYears,
  publishedDepartments,
  publishedYears,
} from '../domain/publication/publication.repo.ts';

export interface SearchFacets {
  years: number[];
  departments: Array<{ id: number; name: string; municipality: { code: string; name: string } }>;
  /** Grade labels, best first, of the scales of municipalities with a fully public year; else none. */
  grades: string[];
}

/** What the filters offer: fiscal years and departments with at least one published block, and grades. */
export async function searchFacets(db: Kysely<Database>): Promise<SearchFacets> {
  const [years, departments, grades] = await Promise.all([
    publishedYears(db),
    publishedDepartments(db),
    gradeLabels(db),
  ]);
  return {
    years,
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      municipality: { code: d.municipality.code, name: d.municipality.name },
    })),
    grades,
  };
}

/** Grades exist in public only where a department's year has both its targets and results published. */
async function gradeLabels(db: Kysely<Database>): Promise<string[]> {
  const labels: string[] = [];
  // Each year is graded on its own scale, so the labels are those of every fully public year's scale.
  const scales = await scalesForYears(db, await fullyPublicYears(db));
  for (const scale of scales.values()) {
    for (const band of scale.bands) if (!labels.includes(band.label)) labels.push(band.label);
  }
  return labels;
}
