import type { BlockKind } from '../db/schema.ts';
import { headerIds } from './table-ids.ts';
import { urls } from './view-models.ts';

export interface SearchQuery {
  q: string;
  year?: number;
  department?: number;
  block?: BlockKind;
  grade?: string;
  page?: number;
}

export const searchUrls = {
  page: () => '/search',
  stylesheet: () => '/assets/search.css',
  /** The same search with some parameters changed; empty ones are left out of the URL. */
  query: (query: SearchQuery): string => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.year !== undefined) params.set('year', String(query.year));
    if (query.department !== undefined) params.set('department', String(query.department));
    if (query.block) params.set('block', query.block);
    if (query.grade) params.set('grade', query.grade);
    if (query.page !== undefined && query.page > 1) params.set('page', String(query.page));
    const text = params.toString();
    return text ? `/search?${text}` : '/search';
  },
  /**
   * The 一覧表 that shows a block, at the goal's row: a plan block is the plan side of its own year's
   * table, a review block the review side of the next year's.
   */
  hit: (hit: { code: string; departmentId: number; year: number; block: BlockKind; goalNo: number }) => {
    const planYear = hit.block === 'plan' ? hit.year : hit.year + 1;
    return `${urls.ichiranhyo(hit.code, hit.departmentId, planYear)}#${headerIds.goal(hit.goalNo, hit.block)}`;
  },
};
