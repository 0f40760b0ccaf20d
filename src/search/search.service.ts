import type { Kysely } from 'kysely';
import { engineOf } from '../db/database.ts';
import type { BlockKind, Database } from '../db/schema.ts';
import type { Segment } from './highlight.ts';
import { COUNT_CAP, type EntryFilter, entryCount, entryPage, PAGE_SIZE } from './search.repo.ts';
import { foldQuery } from './variant-query.ts';

export { COUNT_CAP, PAGE_SIZE };

export interface SearchParams extends EntryFilter {
  q: string;
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
  /** How many entries match; at most COUNT_CAP. */
  total: number;
  /** More than `total` entries match: counting and paging stop at COUNT_CAP. */
  capped: boolean;
  page: number;
  pageCount: number;
  hits: SearchHit[];
}

/** Public search: published blocks only, newest fiscal year first, then department, then table order. */
export async function search(db: Kysely<Database>, params: SearchParams): Promise<SearchResult> {
  const folded = await foldQuery(db, params.q);
  const { terms } = folded;
  if (terms.length === 0) return { terms, total: 0, capped: false, page: 1, pageCount: 0, hits: [] };
  const requested = Math.max(1, Math.trunc(params.page ?? 1));
  // Counting stops past the cap, so a common word costs no more than a rare one.
  const counted = await entryCount(db, params, folded.condition(engineOf(db), 'index'), COUNT_CAP);
  const capped = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  const pageCount = Math.ceil(total / PAGE_SIZE);
  // A page past the end reads as the last page.
  const page = Math.max(1, Math.min(requested, pageCount));
  // Many hits: walk the display order and stop after the page; few: find them all and sort them.
  const rows =
    total === 0
      ? []
      : await entryPage(
          db,
          params,
          folded.condition(engineOf(db), capped ? 'filter' : 'index'),
          page,
          capped,
        );
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
  return { terms, total, capped, page, pageCount, hits };
}
