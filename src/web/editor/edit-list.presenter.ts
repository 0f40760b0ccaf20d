import type { BlockKind } from '../../db/schema.ts';
import type { SessionContext } from '../../domain/auth/session.service.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import type { EditList } from '../../domain/goals/block-page.service.ts';
import { phaseOfBlock } from '../../domain/workflow/lock.ts';
import { editorUrls } from './editor.urls.ts';
import type { BlockCell, EditListView } from './editor.view.ts';
import { stateLabel, yearLabel } from './labels.ts';

/** The departments the actor may edit (loadEditList), each with its years (newest first) and what can be started. */
export function presentEditList(session: SessionContext, list: EditList, error?: string): EditListView {
  const { departments, blocks: rows, phaseStates } = list;
  return {
    csrfToken: session.csrfToken,
    error,
    departments: departments.map((d) => {
      const mine = rows.filter((r) => r.department_id === d.id);
      const cell = (year: number, block: BlockKind): BlockCell | undefined => {
        const row = mine.find((r) => r.year === year && r.block === block);
        if (!row) return undefined;
        const state = phaseStates.get(`${d.id}/${year}/${phaseOfBlock(block)}`);
        return {
          block,
          href: editorUrls.block({ departmentId: d.id, year, block }),
          goalCount: row.n,
          stateLabel: stateLabel(state),
          editable: state === undefined || state === 'draft',
        };
      };
      const planYears = mine.filter((r) => r.block === 'plan').map((r) => r.year);
      // The year after the newest plan is listed too (or this 年度 when there is none), so it can be started.
      const next = planYears.length > 0 ? Math.max(...planYears) + 1 : fiscalYearOf(new Date());
      const years = [...new Set([...mine.map((r) => r.year), next])];
      return {
        id: d.id,
        name: d.name,
        years: years
          .sort((a, b) => b - a)
          .map((year) => {
            const plan = cell(year, 'plan');
            const review = cell(year, 'review');
            return {
              year,
              yearLabel: yearLabel(year),
              plan,
              review,
              // Only the coming year starts empty; past years without a plan stay as they were.
              newPlanHref:
                year === next && !plan
                  ? editorUrls.block({ departmentId: d.id, year, block: 'plan' })
                  : undefined,
              canCopyNextYear: plan !== undefined && cell(year + 1, 'plan') === undefined,
              canStartReview: plan !== undefined && review === undefined,
            };
          }),
      };
    }),
  };
}
