import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Assessment } from '../../db/tables/workflow.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { refreshGrades } from '../../search/grade-index.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import {
  findFinalAssessment,
  findGoalToAssess,
  insertFinalAssessment,
  updateFinalAssessment,
} from './final.repo.ts';
import { assessmentLabels } from './labels.ts';
import { assertPhaseEditable, assertVersion, assertWritten } from './phase-lock.ts';
import { assertPhaseOpen } from './phase-opening.service.ts';

export const MAX_REASON = 2000;

export interface AssessmentInput {
  goalId: number;
  assessment: Assessment;
  reason: string;
  /** The version the editor saw; 0 when there was no assessment yet. */
  version: number;
}

export async function saveAssessment(
  db: Kysely<Database>,
  actor: Actor,
  input: AssessmentInput,
): Promise<number> {
  const goal = await findGoalToAssess(db, input.goalId);
  if (goal?.block !== 'review') throw new AppError('NOT_FOUND', 'no such review goal', { field: 'goal' });
  authorize(actor, 'evaluation.edit', {
    municipalityId: goal.municipality_id,
    departmentId: goal.department_id,
  });
  if (!(input.assessment in assessmentLabels)) {
    throw new AppError('INVALID_INPUT', '評価を選んでください。', { field: 'assessment' });
  }
  const reason = input.reason.trim();
  if (reason.length > MAX_REASON) {
    throw new AppError('INVALID_INPUT', `理由は${MAX_REASON}文字以内で入力してください。`, {
      field: 'reason',
    });
  }
  return inTransaction(db, async (trx) => {
    const key = {
      departmentId: goal.department_id,
      fiscalYearId: goal.fiscal_year_id,
      phase: 'final' as const,
    };
    await assertPhaseEditable(trx, key);
    await assertPhaseOpen(trx, key);
    const before = await findFinalAssessment(trx, goal.id);
    assertVersion(input.version, before?.version);
    const now = nowIso();
    const values = { assessment: input.assessment, reason, actor_login: actor.login, updated_at: now };
    if (before) {
      const done = await updateFinalAssessment(trx, before.id, input.version, values);
      assertWritten(done);
    } else {
      const done = await insertFinalAssessment(trx, {
        ...values,
        goal_id: goal.id,
        department_id: goal.department_id,
        fiscal_year_id: goal.fiscal_year_id,
        created_at: now,
      });
      assertWritten(done);
    }
    await appendAudit(trx, actor, {
      action: 'workflow.assess',
      entityType: 'final_assessment',
      entityId: goal.id,
      departmentId: goal.department_id,
      summary: `goal ${goal.no} assessed ${input.assessment}`,
      before: before ? { assessment: before.assessment, reason: before.reason } : undefined,
      after: { assessment: input.assessment, reason },
    });
    // The rating is the goal's self-assessment in the evaluation: search grades follow it.
    await refreshGrades(trx, { departmentId: goal.department_id, fiscalYearId: goal.fiscal_year_id });
    return (before?.version ?? 0) + 1;
  });
}
