import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GradePreset } from '../../db/tables/evaluation.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { refreshMunicipalityGrades } from '../../search/grade-index.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { fiscalYearOf } from '../fiscal-year/wareki.ts';
import { deleteAssessment, saveAssessment } from './assessment.repo.ts';
import { recordGradingDecision } from './audit.ts';
import {
  listYearScales,
  loadYearScale,
  publishedFiscalYears,
  saveScaleVersion,
  saveYearScale,
  scaleForYear,
  scaleInForce,
} from './grade-scale.repo.ts';
import { GRADE_PRESETS, type GradeBand, type GradeScale, hasGrade, validBands } from './grades.ts';
import { requireId } from './require-id.ts';
import { itemScope } from './scope.ts';

export type GradeScaleInput = (
  | { preset: Exclude<GradePreset, 'custom'> }
  | { preset: 'custom'; name: string; bands: GradeBand[] }
) & {
  /** The first fiscal year the scale grades; the current 年度 (Asia/Tokyo) when absent. */
  fromYear?: number;
};

/** The scale in force for the current 年度: what the settings form starts from. */
export function getGradeScale(
  db: Kysely<Database>,
  municipalityId: number,
  now = new Date(),
): Promise<GradeScale> {
  return scaleForYear(db, municipalityId, fiscalYearOf(now));
}

function scaleOfInput(input: GradeScaleInput): GradeScale {
  if (input.preset === 'custom') {
    const name = input.name.trim();
    if (name === '') throw new AppError('INVALID_INPUT', 'a custom scale needs a name', { field: 'name' });
    return { preset: 'custom', name, bands: validBands(input.bands) };
  }
  const preset = GRADE_PRESETS[input.preset];
  if (!preset)
    throw new AppError('INVALID_INPUT', `unknown preset "${String(input.preset)}"`, { field: 'preset' });
  return preset;
}

function validFromYear(fromYear: number | undefined): number {
  const year = fromYear ?? fiscalYearOf(new Date());
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new AppError('INVALID_INPUT', `fromYear must be a fiscal year, not ${String(fromYear)}`, {
      field: 'fromYear',
    });
  }
  return year;
}

/**
 * Sets the scale in force from a fiscal year on (the current 年度 by default): earlier years keep
 * theirs, and so does every published year (its scale is recorded first if it was not yet). A
 * city-wide policy, so it takes `policy.manage` (planning, admin), not a department's editor.
 */
export async function setGradeScale(
  db: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  input: GradeScaleInput,
): Promise<GradeScale> {
  authorize(actor, 'policy.manage', { municipalityId: requireId(municipalityId, 'municipalityId') });
  const scale = scaleOfInput(input);
  const fromYear = validFromYear(input.fromYear);
  await inTransaction(db, async (trx) => {
    const before = await scaleInForce(trx, municipalityId, fromYear);
    // Years published before scales were recorded per year: keep the scale they were published with.
    for (const year of await publishedFiscalYears(trx, municipalityId)) {
      if (year >= fromYear) await recordPublishedScale(trx, municipalityId, year);
    }
    await saveScaleVersion(trx, actor, municipalityId, fromYear, scale);
    await refreshMunicipalityGrades(trx, municipalityId);
    await appendAudit(trx, actor, {
      action: 'grade_scale.set',
      entityType: 'grade_scale',
      entityId: municipalityId,
      summary: `grade scale from ${fromYear}: ${scale.name} (${scale.bands.map((b) => b.label).join('/')})`,
      before,
      after: { ...scale, fromYear },
    });
  });
  return scale;
}

/** At publication: the year keeps the scale in force now (a later publication changes nothing). */
export async function recordPublishedScale(
  db: Kysely<Database>,
  municipalityId: number,
  fiscalYear: number,
): Promise<void> {
  await saveYearScale(
    db,
    undefined,
    municipalityId,
    fiscalYear,
    await scaleForYear(db, municipalityId, fiscalYear),
    'published',
  );
}

/** A published year whose kept scale differs from the one now in force for it: a re-grade would change it. */
export interface RegradeCandidate {
  fiscalYear: number;
  kept: GradeScale;
  inForce: GradeScale;
}

const sameScale = (a: GradeScale, b: GradeScale) =>
  a.name === b.name && JSON.stringify(a.bands) === JSON.stringify(b.bands);

export async function regradeCandidates(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<RegradeCandidate[]> {
  const result: RegradeCandidate[] = [];
  for (const kept of await listYearScales(db, municipalityId)) {
    const inForce = await scaleInForce(db, municipalityId, kept.fiscalYear);
    if (!sameScale(kept.scale, inForce))
      result.push({ fiscalYear: kept.fiscalYear, kept: kept.scale, inForce });
  }
  return result;
}

/**
 * Planning's explicit act: grade a published year with the scale now in force for it instead of the
 * one it was published with. Every grade of that year (dashboards, search) changes, so it is audited.
 */
export async function regradeYear(
  db: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  fiscalYear: number,
): Promise<GradeScale> {
  authorize(actor, 'policy.manage', { municipalityId: requireId(municipalityId, 'municipalityId') });
  return inTransaction(db, async (trx) => {
    const kept = await loadYearScale(trx, municipalityId, fiscalYear);
    if (!kept) {
      throw new AppError('INVALID_INPUT', `fiscal year ${fiscalYear} keeps no scale of its own`, {
        field: 'fiscalYear',
      });
    }
    const inForce = await scaleInForce(trx, municipalityId, fiscalYear);
    await saveYearScale(trx, actor, municipalityId, fiscalYear, inForce, 'regrade');
    await refreshMunicipalityGrades(trx, municipalityId);
    await appendAudit(trx, actor, {
      action: 'grade_scale.regrade',
      entityType: 'grade_scale',
      entityId: municipalityId,
      summary: `regrade ${fiscalYear}: ${kept.scale.name} → ${inForce.name}`,
      before: { ...kept.scale, fiscalYear },
      after: { ...inForce, fiscalYear },
    });
    return inForce;
  });
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
    const scale = await scaleForYear(trx, scope.municipalityId, scope.year);
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
