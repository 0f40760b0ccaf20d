import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../db/schema.ts';
import type { Actor } from '../domain/auth/actor.ts';
import { findFiscalYearId } from '../domain/fiscal-years/fiscal-year.repo.ts';
import { itemSnapshot } from '../domain/goals/goal-edit.repo.ts';
import { createGoal } from '../domain/goals/goal-edit.service.ts';
import { createItem, editItem } from '../domain/goals/item-edit.service.ts';
import { type PhaseGap, phaseGaps } from '../domain/workflow/completeness.ts';
import { loadAssessments } from '../domain/workflow/final.repo.ts';
import { saveAssessment } from '../domain/workflow/final.service.ts';
import { loadInterim } from '../domain/workflow/interim.repo.ts';
import { saveInterimProgress } from '../domain/workflow/interim.service.ts';
import { yearPhaseRows } from '../domain/workflow/phase-schedule.repo.ts';
import { findPhaseStatus } from '../domain/workflow/phase-status.repo.ts';
import type { WorkflowAction } from '../domain/workflow/state-machine.ts';
import { transition } from '../domain/workflow/transition.service.ts';

export interface PhaseToFill {
  departmentId: number;
  year: number;
  phase: Phase;
}

/** The id in a gap's field name: `item.12.achievement` → 12. */
const idOf = (gap: PhaseGap) => Number(gap.field.split('.')[1]);

async function fillGap(db: Kysely<Database>, actor: Actor, key: PhaseToFill, fy: number, gap: PhaseGap) {
  if (gap.kind === 'no_goals') {
    const block = gap.block ?? 'review';
    const goal = await createGoal(db, actor, {
      departmentId: key.departmentId,
      year: key.year,
      block,
      title: '記入例の重点目標',
    });
    await createItem(db, actor, { goalId: goal.id, unit: null, text: '記入例の取組', note: '実施した' });
  } else if (gap.kind === 'no_items') {
    await createItem(db, actor, { goalId: idOf(gap), unit: null, text: '記入例の取組', note: '実施した' });
  } else if (gap.kind === 'achievement') {
    const item = await itemSnapshot(db, idOf(gap), 'review');
    if (!item) throw new Error(`no item ${idOf(gap)}`);
    await editItem(db, actor, {
      itemId: item.id,
      no: item.no,
      unit: item.unitId === null ? null : { id: item.unitId },
      text: item.text,
      note: '計画どおり実施した',
      version: item.version,
    });
  } else if (gap.kind === 'assessment' || gap.kind === 'reason') {
    const goalId = idOf(gap);
    const stored = (await loadAssessments(db, key.departmentId, fy)).find(
      (g) => g.goalId === goalId,
    )?.assessment;
    await saveAssessment(db, actor, {
      goalId,
      assessment: stored?.assessment ?? 'achieved',
      reason: gap.kind === 'reason' ? '一部の取組が年度内に終わらなかったため' : '',
      version: stored?.version ?? 0,
    });
  } else {
    const itemId = idOf(gap);
    const entry = (await loadInterim(db, key.departmentId, fy)).get(itemId);
    await saveInterimProgress(db, actor, {
      itemId,
      text: '計画どおり進んでいる',
      version: entry?.version ?? 0,
    });
  }
}

/**
 * Fills every gap of a phase through the same services an editor uses, so a test that drives the
 * workflow can submit: submitting checks completeness (src/domain/workflow/completeness.ts).
 * `actor` must be allowed to edit the department's content (its editor, or admin).
 */
export async function fillPhase(db: Kysely<Database>, actor: Actor, key: PhaseToFill): Promise<void> {
  const fy = await findFiscalYearId(db, actor.municipalityId, key.year);
  if (fy === undefined) throw new Error(`fiscal year ${key.year} is not open`);
  // A filled assessment can reveal a reason it needs (a computed grade below the pass band): go again.
  for (let round = 0; round < 4; round += 1) {
    const gaps = await phaseGaps(db, {
      departmentId: key.departmentId,
      fiscalYearId: fy,
      year: key.year,
      phase: key.phase,
    });
    if (gaps.length === 0) return;
    for (const gap of gaps) await fillGap(db, actor, key, fy, gap);
  }
  throw new Error(`fillPhase: ${key.phase} ${key.year} still has gaps`);
}

export interface PhaseCrew {
  /** The department's editor (fills and submits), approver and a planning user. */
  editor: Actor;
  approver: Actor;
  planning: Actor;
}

const REACHED: Record<PhaseState, number> = {
  draft: 0,
  submitted: 1,
  approved: 2,
  accepted: 3,
  published: 4,
};

async function ensurePlanGoals(db: Kysely<Database>, editor: Actor, key: PhaseToFill, fy: number) {
  const address = {
    departmentId: key.departmentId,
    fiscalYearId: fy,
    year: key.year,
    phase: 'interim' as const,
  };
  for (const gap of await phaseGaps(db, address)) {
    if (gap.kind === 'no_goals' || gap.kind === 'no_items') await fillGap(db, editor, key, fy, gap);
  }
}

/**
 * Moves a phase through the real workflow (fill, submit, every approval, acceptance, every extra
 * step, publication) until it has reached `until`. Phases open in order, so earlier phases of the
 * year must already allow this one (see openInOrder).
 */
export async function drivePhase(
  db: Kysely<Database>,
  crew: PhaseCrew,
  key: PhaseToFill,
  until: PhaseState,
): Promise<void> {
  const fy = await findFiscalYearId(db, crew.planning.municipalityId, key.year);
  if (fy === undefined) throw new Error(`fiscal year ${key.year} is not open`);
  for (let guard = 0; guard < 20; guard += 1) {
    const row = (await yearPhaseRows(db, fy, [key.departmentId])).find((r) => r.phase === key.phase);
    if (!row) throw new Error(`no ${key.phase} row for department ${key.departmentId}`);
    if (REACHED[row.status] >= REACHED[until]) return;
    const stored = await findPhaseStatus(db, {
      departmentId: key.departmentId,
      fiscalYearId: fy,
      phase: key.phase,
    });
    if (!stored) throw new Error(`no ${key.phase} row for department ${key.departmentId}`);
    const version = stored.version;
    const go = (actor: Actor, action: WorkflowAction) => transition(db, actor, { ...key, action, version });
    if (row.status === 'draft') {
      await fillPhase(db, crew.editor, key);
      // 目標設定 has no completeness rule of its own, but the 中間報告 after it needs planned goals.
      if (key.phase === 'goal_setting') await ensurePlanGoals(db, crew.editor, key, fy);
      await go(crew.editor, 'submit');
    } else if (row.status === 'submitted') await go(crew.approver, 'approve');
    else if (row.status === 'approved') await go(crew.planning, 'accept');
    else await go(crew.planning, 'publish').catch(() => go(crew.planning, 'sign'));
  }
  throw new Error(`drivePhase: ${key.phase} ${key.year} did not reach ${until}`);
}

/**
 * Makes `key.phase` open by the order rule (domain/workflow/phase-order.ts): for 中間報告 the year's
 * 目標設定 is published; for 期末報告 the 中間報告 is accepted as well.
 */
export async function openInOrder(db: Kysely<Database>, crew: PhaseCrew, key: PhaseToFill): Promise<void> {
  if (key.phase === 'goal_setting') return;
  await drivePhase(db, crew, { ...key, phase: 'goal_setting' }, 'published');
  if (key.phase === 'final') await drivePhase(db, crew, { ...key, phase: 'interim' }, 'accepted');
}
