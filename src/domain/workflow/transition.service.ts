import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { recordPublishedScale } from '../evaluation/grade.service.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { snapshotReturned } from '../review/snapshot.repo.ts';
import { loadChain } from './chain.repo.ts';
import { assertPhaseComplete } from './completeness.ts';
import { insertEvent, progressOf } from './history.repo.ts';
import { phases } from './labels.ts';
import { notifyTransition } from './notify.ts';
import { assertWritten, staleError } from './phase-lock.ts';
import { assertPhaseOpen } from './phase-opening.service.ts';
import { advancePhaseStatus, findPhaseStatus } from './phase-status.repo.ts';
import {
  planTransition,
  policyOf,
  returnNeedsPlanning,
  type WorkflowAction,
  workflowActions,
} from './state-machine.ts';

export const MAX_COMMENT = 2000;

export interface TransitionInput {
  departmentId: number;
  year: number;
  phase: Phase;
  action: WorkflowAction;
  /** The phase_status version the actor saw: a transition made on a stale page is refused. */
  version: number;
  /** Required for 差し戻し; optional otherwise. */
  comment?: string;
}

export interface TransitionResult {
  from: PhaseState;
  to: PhaseState;
  version: number;
  stepName?: string;
}

/**
 * Moves one phase of one department along the chain. Checks, in order: the role (FORBIDDEN), the
 * comment, the version (STALE), whether the move is possible now (CONFLICT), whether a submitted
 * phase is complete (PHASE_INCOMPLETE, every gap listed: completeness.ts); then writes status, history, audit and inbox in one transaction.
 */
export async function transition(
  db: Kysely<Database>,
  actor: Actor,
  input: TransitionInput,
): Promise<TransitionResult> {
  if (!workflowActions.includes(input.action) || !phases.includes(input.phase)) {
    throw new AppError('INVALID_INPUT', 'unknown action or phase', { field: 'action' });
  }
  const department = await getDepartment(db, input.departmentId);
  if (!department || department.parent_id !== null) {
    throw new AppError('NOT_FOUND', 'no such department', { field: 'department' });
  }
  const scope = { municipalityId: department.municipality_id, departmentId: department.id };
  authorize(actor, policyOf[input.action], scope);
  const comment = input.comment?.trim() ?? '';
  if (input.action === 'return' && !comment) {
    throw new AppError('INVALID_INPUT', '差し戻しには理由（コメント）が必要です。', { field: 'comment' });
  }
  if (comment.length > MAX_COMMENT) {
    throw new AppError('INVALID_INPUT', `コメントは${MAX_COMMENT}文字以内で入力してください。`, {
      field: 'comment',
    });
  }
  return inTransaction(db, async (trx) => {
    const fiscalYearId = await findFiscalYearId(trx, department.municipality_id, input.year);
    const row =
      fiscalYearId === undefined
        ? undefined
        : await findPhaseStatus(trx, { departmentId: department.id, fiscalYearId, phase: input.phase });
    if (!row || fiscalYearId === undefined) {
      throw new AppError('NOT_FOUND', 'この年度はまだ開始されていません（企画が年度を開始します）。', {
        field: 'year',
      });
    }
    if (row.version !== input.version) throw staleError();
    if (input.action === 'return' && returnNeedsPlanning(row.status))
      authorize(actor, 'workflow.publish', scope);
    const key = { departmentId: department.id, fiscalYearId, phase: input.phase };
    const chain = await loadChain(trx, department.municipality_id);
    const planned = planTransition(chain, row.status, await progressOf(trx, key), input.action);
    // Phases go in order (phase-order.ts): an interim before its goals are published is refused.
    if (input.action === 'submit') await assertPhaseOpen(trx, key);
    if (input.action === 'submit') await assertPhaseComplete(trx, { ...key, year: input.year });
    const now = nowIso();
    assertWritten(await advancePhaseStatus(trx, row.id, input.version, { to: planned.to, now }));
    await insertEvent(trx, actor, key, {
      action: input.action,
      from_status: row.status,
      to_status: planned.to,
      step_name: planned.step?.name,
      step_stage: planned.step?.stage,
      comment: comment || null,
    });
    // The resubmission's review compares against this: what the returner saw.
    if (input.action === 'return') await snapshotReturned(trx, actor, key, comment);
    // A published year keeps the grade scale it was published with (a later scale starts later).
    if (planned.to === 'published') await recordPublishedScale(trx, department.municipality_id, input.year);
    await appendAudit(trx, actor, {
      action: `workflow.${input.action}`,
      entityType: 'phase_status',
      entityId: row.id,
      departmentId: department.id,
      summary: `${input.phase} ${input.year}: ${input.action} ${row.status} → ${planned.to}${planned.step ? ` (${planned.step.name})` : ''}`,
      before: { status: row.status, version: row.version },
      after: { status: planned.to, version: row.version + 1, comment: comment || undefined },
    });
    await notifyTransition(trx, actor, {
      municipalityId: department.municipality_id,
      department: { id: department.id, name: department.name },
      year: input.year,
      fiscalYearId,
      phase: input.phase,
      action: input.action,
      to: planned.to,
      stepName: planned.step?.name,
      comment: comment || undefined,
    });
    return { from: row.status, to: planned.to, version: row.version + 1, stepName: planned.step?.name };
  });
}
