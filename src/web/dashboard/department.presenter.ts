import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  type DepartmentEvaluation,
  evaluateDepartmentYear,
  type GoalEvaluation,
} from '../../domain/evaluation/index.ts';
import { goalsAcrossYears } from '../../domain/lineage/across-years.service.ts';
import type { PublicationMap } from '../../domain/publication/publication.ts';
import { openPublicReader } from '../../domain/publication/reader.ts';
import { AppError } from '../../errors.ts';
import { circledNumber } from '../../views/circled-number.ts';
import type { DepartmentDashboardView, GoalBlock } from './dashboard.view.ts';
import { goalGradeBars } from './grades.ts';
import { recurringTrends, type YearEvaluation } from './trends.ts';

/** One department's dashboard: its goals of the year with grades, every numeric target, and trends. */
export async function presentDepartmentDashboard(
  db: Kysely<Database>,
  code: string,
  departmentId: number,
  year: number,
): Promise<DepartmentDashboardView> {
  const reader = await openPublicReader(db, code);
  const { municipality } = reader;
  const department = await reader.department(departmentId);
  const publication = await reader.publication(department.id);
  const state = publication.of(department.id, year);
  if (state === 'none') throw new AppError('NOT_FOUND', `no published table for ${year}`);
  const base = {
    municipality: { code: municipality.code, name: municipality.name },
    department: { id: department.id, name: department.name },
    year,
    years: publication.fullYears(),
  };
  if (state === 'plan') {
    const average = { rate: null, reported: 0, unreported: 0 };
    return { ...base, publication: 'plan', average, goalGrades: [], goals: [], trends: [] };
  }
  const evaluation = await evaluateDepartmentYear(db, department.id, year);
  return {
    ...base,
    publication: 'full',
    average: {
      rate: evaluation.rollUp.rate,
      reported: evaluation.rollUp.targets.reported,
      unreported: evaluation.rollUp.targets.unreported,
    },
    goalGrades: goalGradeBars([evaluation.rollUp]),
    goals: evaluation.goals.map(goalBlock),
    trends: recurringTrends(
      await goalsAcrossYears(db, department.id),
      await yearEvaluations(db, department.id, publication, year, evaluation),
      year,
    ),
  };
}

async function yearEvaluations(
  db: Kysely<Database>,
  departmentId: number,
  publication: PublicationMap,
  shownYear: number,
  shown: DepartmentEvaluation,
): Promise<YearEvaluation[]> {
  const result: YearEvaluation[] = [{ evaluation: shown, actualsPublic: true }];
  for (const { year, state } of publication.entries()) {
    if (year === shownYear) continue;
    const evaluation = await evaluateDepartmentYear(db, departmentId, year).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    if (evaluation) result.push({ evaluation, actualsPublic: state === 'full' });
  }
  return result;
}

function goalBlock(goal: GoalEvaluation): GoalBlock {
  return {
    no: goal.no,
    title: goal.title,
    grade: goal.grade,
    gradeSource: goal.gradeSource,
    computedGrade: goal.computedGrade,
    selfGrade: goal.selfAssessment?.grade ?? null,
    reason: goal.selfAssessment?.reason || null,
    disagrees: goal.disagrees,
    rate: goal.rate,
    qualitativeItems: goal.items.filter((i) => i.kind === 'qualitative').length,
    targets: goal.items.flatMap((item) =>
      item.targets.map((t) => ({
        id: t.target.id,
        item: `${circledNumber(item.no)} ${item.text}`,
        // A confirmed or cleanly read name; where there is none, the item's own words (never a fragment).
        label: t.name ?? item.text,
        target: t.target.text ?? `${t.target.value}${t.target.unit}`,
        actual: t.actual ? (t.actual.text ?? `${t.actual.value}${t.actual.unit}`) : null,
        rate: t.rate,
        status: t.status,
        asOf: t.asOf,
      })),
    ),
  };
}
