import type { Kysely } from 'kysely';
import type { BlockKind, Database } from '../../db/schema.ts';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { searchFacets } from '../../search/facets.ts';
import type { Segment } from '../../search/highlight.ts';
import { PAGE_SIZE, type SearchHit, search } from '../../search/search.service.ts';
import { circledNumber } from '../../views/circled-number.ts';
import { type SearchQuery, searchUrls } from '../../views/search.urls.ts';

export interface SearchHitView {
  href: string;
  yearLabel: string;
  departmentName: string;
  /** Only when several municipalities publish here. */
  municipalityName?: string;
  block: BlockKind;
  kindLabel: string;
  goalNo: number;
  goalTitle: Segment[];
  grade: string | null;
  item?: { no: string; unit: Segment[] | null; text: Segment[]; note: Segment[] | null; noteLabel: string };
}

export interface PageLink {
  page: number;
  href: string;
  current: boolean;
}

export interface SearchResultView {
  total: number;
  /** More hits than counted: the page says 「1,000件以上」 and pages through the first 1,000. */
  capped: boolean;
  /** The count as shown: 「123件」 or 「1,000件以上」. */
  totalLabel: string;
  first: number;
  last: number;
  hits: SearchHitView[];
  pages: PageLink[];
  prev?: string;
  next?: string;
}

export interface SearchPageView {
  query: SearchQuery;
  municipalityName?: string;
  years: Array<{ value: number; label: string }>;
  departmentGroups: Array<{ label: string; options: Array<{ value: number; label: string }> }>;
  /** Grade labels to filter by; empty while no year's results are public. */
  grades: string[];
  /** Absent when nothing was asked. */
  result?: SearchResultView;
}

export const KIND_LABEL: Record<BlockKind, string> = { review: '達成状況', plan: '数値目標' };
const NOTE_LABEL: Record<BlockKind, string> = { review: '達成状況・達成度', plan: '期限・数値目標等' };

export function fiscalYearLabel(year: number): string {
  try {
    return formatFiscalYear(year);
  } catch {
    return `${year}年度`;
  }
}

export async function presentSearch(db: Kysely<Database>, asked: SearchQuery): Promise<SearchPageView> {
  const facets = await searchFacets(db);
  // A grade the filter does not offer (an old link, a changed scale) is dropped, not searched for.
  const { grade, ...rest } = asked;
  const query: SearchQuery = grade !== undefined && facets.grades.includes(grade) ? asked : rest;
  const municipalities = new Map(facets.departments.map((d) => [d.municipality.code, d.municipality.name]));
  const several = municipalities.size > 1;
  const groups = new Map<string, SearchPageView['departmentGroups'][number]>();
  for (const d of facets.departments) {
    const group = groups.get(d.municipality.code) ?? { label: d.municipality.name, options: [] };
    group.options.push({ value: d.id, label: d.name });
    groups.set(d.municipality.code, group);
  }
  const view: SearchPageView = {
    query,
    ...(municipalities.size === 1 ? { municipalityName: [...municipalities.values()][0] } : {}),
    years: facets.years.map((y) => ({ value: y, label: `${fiscalYearLabel(y)}（${y}年度）` })),
    departmentGroups: [...groups.values()],
    grades: facets.grades,
  };
  if (query.q.trim() === '') return view;
  const result = await search(db, {
    q: query.q,
    year: query.year,
    departmentId: query.department,
    block: query.block,
    grade: query.grade,
    page: query.page,
  });
  const at = (page: number) => searchUrls.query({ ...query, page });
  const first = result.total === 0 ? 0 : (result.page - 1) * PAGE_SIZE + 1;
  return {
    ...view,
    result: {
      total: result.total,
      capped: result.capped,
      totalLabel: result.capped ? `${result.total.toLocaleString('ja-JP')}件以上` : `${result.total}件`,
      first,
      last: first === 0 ? 0 : first + result.hits.length - 1,
      hits: result.hits.map((h) => hitView(h, several)),
      pages: pageWindow(result.page, result.pageCount).map((p) => ({
        page: p,
        href: at(p),
        current: p === result.page,
      })),
      ...(result.page > 1 ? { prev: at(result.page - 1) } : {}),
      ...(result.page < result.pageCount ? { next: at(result.page + 1) } : {}),
    },
  };
}

/** Up to 7 page numbers around the current one. */
function pageWindow(current: number, count: number): number[] {
  if (count <= 1) return [];
  const start = Math.max(1, Math.min(current - 3, count - 6));
  const end = Math.min(count, start + 6);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

function hitView(hit: SearchHit, several: boolean): SearchHitView {
  return {
    href: searchUrls.hit({
      code: hit.municipality.code,
      departmentId: hit.department.id,
      year: hit.year,
      block: hit.block,
      goalNo: hit.goalNo,
    }),
    yearLabel: fiscalYearLabel(hit.year),
    departmentName: hit.department.name,
    ...(several ? { municipalityName: hit.municipality.name } : {}),
    block: hit.block,
    kindLabel: KIND_LABEL[hit.block],
    goalNo: hit.goalNo,
    goalTitle: hit.goalTitle,
    grade: hit.grade,
    ...(hit.item
      ? { item: { ...hit.item, no: circledNumber(hit.item.no), noteLabel: NOTE_LABEL[hit.block] } }
      : {}),
  };
}
