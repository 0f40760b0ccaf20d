import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { getMunicipality } from '../municipalities/municipality.repo.ts';
import { loadRatingsOfGoals } from '../workflow/final.repo.ts';
import { loadAssessments } from './assessment.repo.ts';
import { evaluateGoals } from './build-view.ts';
import { loadDepartmentYear, matchDepartmentYear, targetIdsOf } from './department-year.ts';
import type { CityEvaluation, DepartmentEvaluation } from './evaluation.types.ts';
import type { GoalSelfRating } from './goal-grade.ts';
import { scaleForYear } from './grade-scale.repo.ts';
import type { GradeScale } from './grades.ts';
import { loadIndicators } from './indicator.repo.ts';
import { rollUp } from './rollup.ts';

export interface EvaluateOptions {
  /** Evaluate with this scale instead of the municipality's (a preview; nothing is stored). */
  scale?: GradeScale;
}

/**
 * Targets of fiscal year Y (plan block) against achievements of Y (review block, from the next
 * year's table), with rates, grades and roll-ups. Reads only: targets without a stored match get
 * the matcher's suggestion computed on the spot (`match.stored === false`); `suggestMatches`
 * stores them when an editor wants them fixed.
 */
export async function evaluateDepartmentYear(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYear: number,
  options: EvaluateOptions = {},
): Promise<DepartmentEvaluation> {
  const year = await loadDepartmentYear(db, departmentId, fiscalYear);
  const { match, stored } = await matchDepartmentYear(db, year);
  const scale = options.scale ?? (await scaleForYear(db, year.municipality.id, fiscalYear));
  const goals = evaluateGoals({
    plan: year.plan,
    scale,
    match,
    stored,
    indicators: await loadIndicators(db, targetIdsOf(year.plan)),
    assessments: await loadAssessments(
      db,
      year.plan.flatMap((g) => g.items.map((i) => i.id)),
    ),
    goalRatings: await goalRatings(
      db,
      year.review.map((g) => g.id),
    ),
  });
  const pairedReview = new Set([...match.goals.values()].map((p) => p.counterpart.id));
  const { municipality, department } = year;
  return {
    municipality: { id: municipality.id, code: municipality.code, name: municipality.name },
    department: { id: department.id, name: department.name },
    fiscalYear,
    scale,
    reviewAvailable: year.review.length > 0,
    goals,
    unpairedReviewGoals: year.review
      .filter((g) => !pairedReview.has(g.id))
      .map((g) => ({ id: g.id, no: g.no, title: g.title })),
    rollUp: rollUp(scale, goals),
  };
}

/** The department's 期末報告 rating of each review goal: its self-assessment of the goal. */
async function goalRatings(
  db: Kysely<Database>,
  reviewGoalIds: number[],
): Promise<Map<number, GoalSelfRating>> {
  const rows = await loadRatingsOfGoals(db, reviewGoalIds);
  return new Map(
    [...rows].map(([id, r]) => [
      id,
      { assessment: r.assessment, reason: r.reason, by: r.actor_login, updatedAt: r.updated_at },
    ]),
  );
}

/** Every department with targets for the year: its roll-up, and the city's over all their goals. */
export async function evaluateCity(
  db: Kysely<Database>,
  municipalityId: number,
  fiscalYear: number,
  options: EvaluateOptions = {},
): Promise<CityEvaluation> {
  const municipality = await getMunicipality(db, municipalityId);
  if (!municipality) throw new AppError('NOT_FOUND', `no municipality ${municipalityId}`);
  if ((await findFiscalYearId(db, municipalityId, fiscalYear)) === undefined) {
    throw new AppError('NOT_FOUND', `${municipality.name} has no fiscal year ${fiscalYear}`, {
      field: 'fiscalYear',
    });
  }
  const scale = options.scale ?? (await scaleForYear(db, municipalityId, fiscalYear));
  const evaluations: DepartmentEvaluation[] = [];
  for (const department of await listTopDepartments(db, municipalityId)) {
    const evaluation = await evaluateDepartmentYear(db, department.id, fiscalYear, { scale }).catch(
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      },
    );
    if (evaluation && evaluation.goals.length > 0) evaluations.push(evaluation);
  }
  return {
    municipality: { id: municipality.id, code: municipality.code, name: municipality.name },
    fiscalYear,
    scale,
    departments: evaluations.map((e) => ({
      id: e.department.id,
      name: e.department.name,
      reviewAvailable: e.reviewAvailable,
      rollUp: e.rollUp,
    })),
    rollUp: rollUp(
      scale,
      evaluations.flatMap((e) => e.goals),
    ),
  };
}
