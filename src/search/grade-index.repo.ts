import type { Kysely } from 'kysely';
import { forChunks } from '../db/batch.ts';
import type { Database } from '../db/schema.ts';

/** All SQL of the search entries' grades (grade-index.ts decides which grade each entry gets). */

/** One department's fiscal year: the unit the evaluation grades, covering its plan and review blocks. */
export interface GradeRef {
  departmentId: number;
  fiscalYearId: number;
}

export async function yearOfFiscalYear(
  db: Kysely<Database>,
  fiscalYearId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('fiscal_year')
    .select('year')
    .where('id', '=', fiscalYearId)
    .executeTakeFirst();
  return row?.year;
}

/** The search entries of a department's year, with the grade each carries now. */
export function gradedEntries(db: Kysely<Database>, ref: GradeRef) {
  return db
    .selectFrom('search_entry')
    .select(['id', 'goal_id', 'item_id', 'grade'])
    .where('department_id', '=', ref.departmentId)
    .where('fiscal_year_id', '=', ref.fiscalYearId)
    .execute();
}

export async function setEntryGrade(
  db: Kysely<Database>,
  ids: number[],
  grade: string | null,
): Promise<void> {
  await forChunks(
    ids,
    (chunk) => db.updateTable('search_entry').set({ grade }).where('id', 'in', chunk).execute(),
    1,
  );
}

/** Every department's year with search entries, of one municipality or of all. */
export async function indexedYears(db: Kysely<Database>, municipalityId?: number): Promise<GradeRef[]> {
  let query = db
    .selectFrom('search_entry')
    .select(['department_id as departmentId', 'fiscal_year_id as fiscalYearId'])
    .distinct()
    .orderBy('department_id')
    .orderBy('fiscal_year_id');
  if (municipalityId !== undefined) query = query.where('municipality_id', '=', municipalityId);
  return query.execute();
}
