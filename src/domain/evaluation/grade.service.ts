import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GradePreset } from '../../db/tables/evaluation.ts';
import { AppError } from '../../errors.ts';
import { refreshMunicipalityGrades } from '../../search/grade-index.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { deleteAssessment, saveAssessment } from './assessment.repo.ts';
import { recordGradingDecision } from './audit.ts';
import { loadGradeScale, saveGradeScale } from './grade-scale.repo.ts';
import { GRADE_PRESETS, type GradeBand, type GradeScale, hasGrade, validBands } from './grades.ts';
import { itemScope } from './scope.ts';
import { inTransaction, requireId } from './tx.ts';

export type GradeScaleInput =
  | { preset: Exclude<GradePreset, 'custom'> }
  | { preset: 'custom'; name: string; bands: GradeBand[] };

export { loadGradeScale as getGradeScale };

/**
 * Sets the municipality's scale: a preset, or custom bands (highest first, the last from 0 %). A
 * city-wide policy, so it takes `policy.manage` (planning, admin), not a department's editor.
 */
export async function setGradeScale(
  db: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  input: GradeScaleInput,
): Promise<GradeScale> {
  authorize(actor, 'policy.manage', { municipalityId: requireId(municipalityId, 'municipalityId') });
  let scale: GradeScale;
  if (input.preset === 'custom') {
    const name = input.name.trim();
    if (name === '') throw new AppError('INVALID_INPUT', 'a custom scale needs a name', { field: 'name' });
    scale = { preset: 'custom', name, bands: validBands(input.bands) };
  } else {
    const preset = GRADE_PRESETS[input.preset];
    if (!preset)
      throw new AppError('INVALID_INPUT', `unknown preset "${String(input.preset)}"`, { field: 'preset' });
    scale = preset;
  }
  await inTransaction(db, async (trx) => {
    const before = await loadGradeScale(trx, municipalityId);
    await saveGradeScale(trx, actor, municipalityId, scale);
    await refreshMunicipalityGrades(trx, municipalityId);
    await appendAudit(trx, actor, {
      action: 'grade_scale.set',
      entityType: 'grade_scale',
      entityId: municipalityId,
      summary: `grade scale: ${scale.name} (${scale.bands.map((b) => b.label).join('/')})`,
      before,
      after: scale,
    });
  });
  return scale;
}

const MAX_COMMENT = 2000;

/**
 * An editor's grade for a plan item (chosen from the municipality's scale) with a comment. It grades
 * items without numeric targets; a numeric item keeps the grade its rates give.
 */
export async function setSelfAssessment(
  db: Kysely<Database>,
  actor: Actor,
  itemId: number,
  input: { grade: string; comment?: string },
): Promise<void> {
  const comment = (input.comment ?? '').trim();
  if (comment.length > MAX_COMMENT) {
    throw new AppError('INVALID_INPUT', `the comment is longer than ${MAX_COMMENT} characters`, {
      field: 'comment',
    });
  }
  await inTransaction(db, async (trx) => {
    const scope = await itemScope(trx, requireId(itemId, 'itemId'));
    authorize(actor, 'evaluation.edit', {
      municipalityId: scope.municipalityId,
      departmentId: scope.departmentId,
    });
    if (scope.block !== 'plan') {
      throw new AppError('INVALID_INPUT', `item ${itemId} is not in a plan block`, { field: 'itemId' });
    }
    const scale = await loadGradeScale(trx, scope.municipalityId);
    if (!hasGrade(scale, input.grade)) {
      const labels = scale.bands.map((b) => b.label).join('、');
      throw new AppError('INVALID_INPUT', `grade must be one of ${labels}`, { field: 'grade' });
    }
    await saveAssessment(trx, actor, itemId, { grade: input.grade, comment });
    await recordGradingDecision(trx, actor, scope, {
      action: 'assessment.set',
      summary: `self-assessment ${input.grade}`,
      after: { grade: input.grade, comment },
    });
  });
}

export async function removeSelfAssessment(
  db: Kysely<Database>,
  actor: Actor,
  itemId: number,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const scope = await itemScope(trx, requireId(itemId, 'itemId'));
    authorize(actor, 'evaluation.edit', {
      municipalityId: scope.municipalityId,
      departmentId: scope.departmentId,
    });
    const removed = await deleteAssessment(trx, itemId);
    if (removed)
      await recordGradingDecision(trx, actor, scope, {
        action: 'assessment.remove',
        summary: 'self-assessment removed',
      });
    return removed;
  });
}
