import { can } from '../../domain/auth/policy.ts';
import type { SessionContext } from '../../domain/auth/session.service.ts';
import type { BlockPage, StoredGoal } from '../../domain/goals/block-page.service.ts';
import type { BlockAddress } from '../../domain/goals/goal-edit.types.ts';
import { phaseOfBlock } from '../../domain/workflow/lock.ts';
import { formatInstant } from '../workflow/format.ts';
import { reviewUrls } from '../workflow/review.urls.ts';
import { editorUrls, type Flash } from './editor.urls.ts';
import type { BlockView, GoalView, Problem } from './editor.view.ts';
import { blockLabels, comparatorLabels, lockedReason, noteLabels, stateLabel, yearLabel } from './labels.ts';

function goalViews(
  goals: StoredGoal[],
  block: BlockAddress['block'],
  answers?: Map<number, string>,
): GoalView[] {
  return goals.map((g) => ({
    id: g.id,
    no: g.no,
    title: g.title,
    version: g.version,
    items: g.items.map((i) => ({
      id: i.id,
      no: i.no,
      unitId: i.unitId,
      unitName: i.unitName,
      text: i.text,
      note: (block === 'plan' ? i.target : i.achievement) ?? '',
      version: i.version,
      ...(answers ? { answers: answers.get(i.id) ?? '' } : {}),
      quantities: i.quantities.map((q) => ({
        id: q.id,
        value: q.value,
        unit: q.unit,
        comparator: q.comparator,
        comparatorLabel: comparatorLabels[q.comparator] ?? q.comparator,
        manual: q.origin === 'manual',
        spanText: q.span_text,
      })),
    })),
  }));
}

/** One block for the editor page (loaded by loadBlockPage): read-only when the actor may not edit it or its phase is not a draft. */
export function presentBlock(
  session: SessionContext,
  address: BlockAddress,
  page: BlockPage,
  extras: { flash?: Flash; problem?: Problem } = {},
): BlockView {
  const { actor } = session;
  const { department, state, goals } = page;
  const scope = { municipalityId: department.municipality_id, departmentId: address.departmentId };
  const mayEdit = can(actor, 'goal.edit', scope);
  const readOnlyReason = !mayEdit
    ? 'この部局の目標を編集する権限がありません（閲覧のみ）。'
    : state !== undefined && state !== 'draft'
      ? lockedReason(state, address.block)
      : undefined;
  const isPlan = address.block === 'plan';
  const other = { ...address, block: isPlan ? ('review' as const) : ('plan' as const) };
  return {
    csrfToken: session.csrfToken,
    address,
    departmentName: department.name,
    yearLabel: yearLabel(address.year),
    blockLabel: blockLabels[address.block],
    noteLabel: noteLabels[address.block],
    state,
    stateLabel: stateLabel(state),
    readOnlyReason,
    units: page.units,
    goals: goalViews(goals, address.block, page.answers),
    otherBlock: {
      href: editorUrls.block(other),
      label: `${yearLabel(address.year)}の${blockLabels[other.block]}`,
    },
    canCopyNextYear: mayEdit && isPlan && goals.length > 0 && page.nextYearPlanGoals === 0,
    canStartReview: mayEdit && isPlan && goals.length > 0 && page.reviewGoals === 0,
    returnNote: page.returnNote
      ? {
          ...page.returnNote,
          at: formatInstant(page.returnNote.at),
          reviewHref: reviewUrls.phase(address.departmentId, address.year, phaseOfBlock(address.block)),
        }
      : undefined,
    ...extras,
  };
}
