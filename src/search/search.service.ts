import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { BlockKind, Database } from '../db/schema.ts';
import { blockPublished, yearPublished } from '../domain/publication/publication.repo.ts';
import type { Segment } from './highlight.ts';
import { type FoldedQuery, foldQuery } from './variant-query.ts';

export const PAGE_SIZE = 20;

export interface SearchParams {
  q: string;
  /** Municipality code. */
  municipality?: string;
  year?: number;
  departmentId?: number;
  block?: BlockKind;
  /** A grade label of the scale: only entries with that grade, in years whose results are public. */
  grade?: string;
  /** 1-based; past the last page reads as the last page. */
  page?: number;
}

export interface SearchHit {
  municipality: { code: string; name: string };
  department: { id: number; name: string };
  year: number;
  block: BlockKind;
  goalNo: number;
  goalTitle: Segment[];
  /**
   * The goal's grade (title hits) or the item's; null when it has none, or while the year is not
   * fully public (the grade pairs targets with results, so both blocks must be published).
   */
  grade: string | null;
  /** Absent when the hit is the goal title itself. */
  item?: { no: number; unit: Segment[] | null; text: Segment[]; note: Segment[] | null };
}

export interface SearchResult {
  /** The folded terms (ANDed); empty when the query was blank. */
  terms: string[];
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
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

/** Public search: published blocks only, newest fiscal year first, then department, then table order. */
export async function search(db: Db, params: SearchParams): Promise<SearchResult> {
  const folded = await foldQuery(db.kysely, params.q);
  const { terms } = folded;
  if (terms.length === 0) return { terms, total: 0, page: 1, pageCount: 0, hits: [] };
  const base = filtered(db, params, folded);
  const requested = Math.max(1, Math.trunc(params.page ?? 1));
  let rows = await pageRows(base, requested);
  // The total rides along on every row (one pass over the matches); only a page past the end
  // needs a separate count, to show the last page instead.
  let total = Number(rows[0]?.total ?? 0);
  let page = requested;
  if (rows.length === 0 && requested > 1) {
    const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
    total = Number(counted?.n ?? 0);
    page = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (total > 0) rows = await pageRows(base, page);
  }
  const pageCount = Math.ceil(total / PAGE_SIZE);
  const hits = rows.map((r): SearchHit => {
    const highlight = (text: string) => folded.highlight(r.municipality_id, text);
    const mark = (text: string | null) => (text === null ? null : highlight(text));
    return {
      municipality: { code: r.municipality_code, name: r.municipality_name },
      department: { id: r.department_id, name: r.department_name },
      year: r.year,
      block: r.block,
      goalNo: r.goal_no,
      goalTitle: highlight(r.goal_title),
      grade: r.grade,
      ...(r.item_no === null
        ? {}
        : {
            item: {
              no: r.item_no,
              unit: mark(r.unit_name),
              text: highlight(r.item_text ?? ''),
              note: mark(r.note),
            },
          }),
    };
  });
  return { terms, total, page, pageCount, hits };
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

function filtered(db: Db, params: SearchParams, folded: FoldedQuery): EntryQuery {
  let query: EntryQuery = db.kysely
    .selectFrom('search_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .innerJoin('municipality as m', 'm.id', 'e.municipality_id')
    .where(ENTRY_PUBLISHED);
  query = query.where(folded.condition(db.engine));
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
