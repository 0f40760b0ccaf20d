import { type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { BlockKind, Database } from '../db/schema.ts';
import { blockPublished, yearPublished } from '../domain/publication/publication.repo.ts';

/** All SQL of the public search: the published entries a folded query matches, a page at a time. */

export const PAGE_SIZE = 20;

/** What narrows a search besides its terms. */
export interface EntryFilter {
  /** Municipality code. */
  municipality?: string;
  year?: number;
  departmentId?: number;
  block?: BlockKind;
  /** A grade label of the scale: only entries with that grade, in years whose results are public. */
  grade?: string;
}

type EntryQuery = SelectQueryBuilder<
  Database & { e: Database['search_entry']; d: Database['department']; m: Database['municipality'] },
  'e' | 'd' | 'm',
  object
>;

/** The publication rule (domain/publication), applied to the entry's block and fiscal year. */
const ENTRY = { department: 'e.department_id', fiscalYear: 'e.fiscal_year_id', block: 'e.block' };
const ENTRY_PUBLISHED = blockPublished(ENTRY);
/** Targets and results of the entry's year both published: only then is its grade public. */
const ENTRY_YEAR_PUBLISHED = yearPublished(ENTRY);

/** One page of the matching entries, each row carrying the total; empty past the last page. */
export function entryPage(
  db: Kysely<Database>,
  filter: EntryFilter,
  condition: RawBuilder<SqlBool>,
  page: number,
) {
  return pageRows(filtered(db, filter, condition), page);
}

/** How many entries match (only needed for a page past the end). */
export async function entryCount(
  db: Kysely<Database>,
  filter: EntryFilter,
  condition: RawBuilder<SqlBool>,
): Promise<number> {
  const counted = await filtered(db, filter, condition)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(counted?.n ?? 0);
}

function pageRows(base: EntryQuery, page: number) {
  return (
    base
      .select((eb) => [
        'e.municipality_id',
        'e.year',
        'e.block',
        'e.goal_no',
        'e.goal_title',
        'e.item_no',
        'e.unit_name',
        'e.item_text',
        'e.note',
        'd.id as department_id',
        'd.name as department_name',
        'm.code as municipality_code',
        'm.name as municipality_name',
        eb.case().when(ENTRY_YEAR_PUBLISHED).then(eb.ref('e.grade')).else(null).end().as('grade'),
        eb.fn.countAll<number | string>().over().as('total'),
      ])
      .orderBy('e.year', 'desc')
      .orderBy('m.id')
      .orderBy('e.department_id')
      // 'plan' before 'review': in one fiscal year the targets come before their results.
      .orderBy('e.block')
      .orderBy('e.goal_position')
      .orderBy(sql`coalesce(e.item_position, -1)`)
      .orderBy('e.id')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute()
  );
}

function filtered(db: Kysely<Database>, params: EntryFilter, condition: RawBuilder<SqlBool>): EntryQuery {
  let query: EntryQuery = db
    .selectFrom('search_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .innerJoin('municipality as m', 'm.id', 'e.municipality_id')
    .where(ENTRY_PUBLISHED);
  query = query.where(condition);
  if (params.municipality !== undefined) query = query.where('m.code', '=', params.municipality);
  if (params.year !== undefined) query = query.where('e.year', '=', params.year);
  if (params.departmentId !== undefined) query = query.where('e.department_id', '=', params.departmentId);
  if (params.block !== undefined) query = query.where('e.block', '=', params.block);
  if (params.grade !== undefined) {
    const grade = params.grade;
    // The entry's own block is published already; the grade needs the other one too.
    query = query.where((eb) => eb.and([eb('e.grade', '=', grade), ENTRY_YEAR_PUBLISHED]));
  }
  return query;
}
