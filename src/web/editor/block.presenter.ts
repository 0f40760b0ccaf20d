import type { Kysely } from 'kysely';
import type { Database, PhaseState } from '../../db/schema.ts';
import { can } from '../../domain/auth/policy.ts';
import type { SessionContext } from '../../domain/auth/session.service.ts';
import { getDepartment } from '../../domain/departments/department.repo.ts';
import { answeredTargets } from '../../domain/evaluation/answered-targets.ts';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { countBlockGoals, loadBlock, type StoredGoal } from '../../domain/goals/goal.repo.ts';
import type { BlockAddress } from '../../domain/goals/goal-edit.types.ts';
import { listUnits } from '../../domain/goals/unit-choice.ts';
import { pendingReturn } from '../../domain/review/snapshot.repo.ts';
import { blockState } from '../../domain/workflow/lock.ts';
import { phaseOfBlock } from '../../domain/workflow/phase-status.repo.ts';
import { AppError } from '../../errors.ts';
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

/** One block for the editor page: read-only when the actor may not edit it or its phase is not a draft. */
export async function presentBlock(
  db: Kysely<Database>,
  session: SessionContext,
  address: BlockAddress,
  extras: { flash?: Flash; problem?: Problem } = {},
): Promise<BlockView> {
  const { actor } = session;
  const department = await getDepartment(db, address.departmentId);
  const scope = { municipalityId: department?.municipality_id ?? -1, departmentId: address.departmentId };
  if (!department || department.parent_id !== null || !can(actor, 'internal.read', scope)) {
    throw new AppError('NOT_FOUND', 'no such department');
  }
  const fiscalYearId = await findFiscalYearId(db, department.municipality_id, address.year);
  const key = { departmentId: address.departmentId, fiscalYearId: fiscalYearId ?? -1, block: address.block };
  const goals = fiscalYearId === undefined ? [] : await loadBlock(db, key);
  const state = fiscalYearId === undefined ? undefined : await blockState(db, key);
  const mayEdit = can(actor, 'goal.edit', scope);
  const readOnlyReason = !mayEdit
    ? 'この部局の目標を編集する権限がありません（閲覧のみ）。'
    : state !== undefined && state !== 'draft'
      ? lockedReason(state, address.block)
      : undefined;
  const nextFiscalYearId = await findFiscalYearId(db, department.municipality_id, address.year + 1);
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
    units: await listUnits(db, address.departmentId),
    goals: goalViews(
      goals,
      address.block,
      isPlan ? undefined : answeredTargets(await loadBlock(db, { ...key, block: 'plan' }), goals),
    ),
    otherBlock: {
      href: editorUrls.block(other),
      label: `${yearLabel(address.year)}の${blockLabels[other.block]}`,
    },
    canCopyNextYear:
      mayEdit &&
      isPlan &&
      goals.length > 0 &&
      (await countBlockGoals(db, {
        departmentId: address.departmentId,
        fiscalYearId: nextFiscalYearId,
        block: 'plan',
      })) === 0,
    canStartReview:
      mayEdit &&
      isPlan &&
      goals.length > 0 &&
      (await countBlockGoals(db, { departmentId: address.departmentId, fiscalYearId, block: 'review' })) ===
        0,
    returnNote: await returnNoteOf(db, address, fiscalYearId, state),
    ...extras,
  };
}

async function returnNoteOf(
  db: Kysely<Database>,
  address: BlockAddress,
  fiscalYearId: number | undefined,
  state: PhaseState | undefined,
): Promise<BlockView['returnNote']> {
  if (fiscalYearId === undefined || state !== 'draft') return undefined;
  const phase = phaseOfBlock(address.block);
  const note = await pendingReturn(db, { departmentId: address.departmentId, fiscalYearId, phase });
  if (!note) return undefined;
  return {
    ...note,
    at: formatInstant(note.at),
    reviewHref: reviewUrls.phase(address.departmentId, address.year, phase),
  };
}
