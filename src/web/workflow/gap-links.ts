import type { PhaseGap } from '../../domain/workflow/completeness.ts';
import { editorUrls } from '../editor/editor.urls.ts';
import { workflowUrls } from './format.ts';

/**
 * The page and anchor where a gap's field is filled in: the refusal links each gap there. The query
 * makes the link load that page even when the refusal was rendered at the same address (a refused
 * submit of the final phase answers at /…/final, the final report's own path): without it the
 * browser would only scroll the refusal page to a fragment it does not have.
 */
export function gapHref(departmentId: number, year: number, gap: PhaseGap): string {
  const page =
    gap.page === 'editor'
      ? editorUrls.block({ departmentId, year, block: gap.block ?? 'review' })
      : gap.page === 'interim'
        ? workflowUrls.interim(departmentId, year)
        : workflowUrls.final(departmentId, year);
  return `${page}?from=gaps#${gap.anchor}`;
}

export interface GapLink {
  message: string;
  field: string;
  href: string;
}

export function gapLinks(departmentId: number, year: number, gaps: readonly PhaseGap[]): GapLink[] {
  return gaps.map((g) => ({ message: g.message, field: g.field, href: gapHref(departmentId, year, g) }));
}
