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

/**
 * Counting stops here: past it a page shows 「1,000件以上」 and pages through the first COUNT_CAP hits
 * only. Counting every hit of a common word costs as much as reading them all.
 */
export const COUNT_CAP = 1000;

/**
 * How many entries match, counting at most `cap + 1`: a result above `cap` means "more than cap".
 * The term condition should be the index-using one (MatchUse 'index').
 */
export async function entryCount(
  db: Kysely<Database>,
  filter: EntryFilter,
  condition: RawBuilder<SqlBool>,
  cap: number,
): Promise<number> {
  const hits = filtered(db, filter, condition)
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1)
    .as('hits');
  const counted = await db
    .selectFrom(hits)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(counted?.n ?? 0);
}

/**
 * One page of the matching entries in display order: newest fiscal year first, then municipality,
 * department, block ('plan' before 'review': in one fiscal year the targets come before their
 * results), goal and item position, id. `walk` reads the display-order index (search_entry_display)
 * and stops after the page — give it the filter-only condition (MatchUse 'filter'); otherwise the
 * matches are found through the full-text indexes and sorted, which is cheaper for few hits.
 */
export function entryPage(
  db: Kysely<Database>,
  filter: EntryFilter,
  condition: RawBuilder<SqlBool>,
  page: number,
  walk: boolean,
) {
  // `+ 0` makes a sort key the index does not hold, so that the planner sorts the few matches.
  const key = (column: string) => (walk ? sql`${sql.ref(column)}` : sql`${sql.ref(column)} + 0`);
  return filtered(db, filter, condition)
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
    ])
    .orderBy(key('e.year'), 'desc')
    .orderBy('e.municipality_id')
    .orderBy('e.department_id')
    .orderBy('e.block')
    .orderBy('e.goal_position')
    .orderBy(sql`coalesce(e.item_position, -1)`)
    .orderBy('e.id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
}

function filtered(db: Kysely<Database>, params: EntryFilter, condition: RawBuilder<SqlBool>): EntryQuery {
  let query: EntryQuery = db
    .selectFrom('search_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .innerJoin('municipality as m', 'm.id', 'e.municipality_id')
    // The match first: it is the cheap test for an entry met on a walk of the display-order index.
    .where(condition)
    .where(ENTRY_PUBLISHED);
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
