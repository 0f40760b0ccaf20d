import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listTopDepartments } from '../../domain/departments/department.repo.ts';
import {
  averageOf,
  evaluateDepartmentYear,
  type GoalEvaluation,
  type GradeScale,
  type RollUp,
} from '../../domain/evaluation/index.ts';
import { openPublicReader } from '../../domain/publication/reader.ts';
import { AppError } from '../../errors.ts';
import type { CityDashboardView, DepartmentSummary } from './dashboard.view.ts';
import { goalGradeBars } from './grades.ts';

/**
 * The city-wide dashboard of one fiscal year. Only departments whose plan and review blocks are
 * both published take part, so the city totals never include unpublished figures; the others are
 * listed as 未公表 so that no department silently drops out.
 */
export async function presentCityDashboard(
  db: Kysely<Database>,
  code: string,
  year: number,
): Promise<CityDashboardView> {
  const reader = await openPublicReader(db, code);
  const { municipality } = reader;
  const publication = await reader.publication();
  const years = publication.fullYears();
  if (!years.includes(year)) throw new AppError('NOT_FOUND', `no published evaluation for ${year}`);
  const departments: DepartmentSummary[] = [];
  const pending: CityDashboardView['pending'] = [];
  const rollUps: RollUp[] = [];
  const goals: GoalEvaluation[] = [];
  let scale: GradeScale | undefined;
  for (const department of await listTopDepartments(db, municipality.id)) {
    const state = publication.of(department.id, year);
    if (state !== 'full') {
      pending.push({ id: department.id, name: department.name, state });
      continue;
    }
    const evaluation = await evaluateDepartmentYear(db, department.id, year);
    if (evaluation.goals.length === 0) {
      pending.push({ id: department.id, name: department.name, state: 'none' });
      continue;
    }
    scale = evaluation.scale;
    rollUps.push(evaluation.rollUp);
    goals.push(...evaluation.goals);
    departments.push({ id: department.id, name: department.name, ...summarise(evaluation.rollUp) });
  }
  const average = scale ? averageOf(scale, goals) : { rate: null, reported: 0, unreported: 0 };
  const sum = (key: 'goals' | 'targets' | 'achieved' | 'partly' | 'not' | 'unreported') =>
    departments.reduce((total, d) => total + d[key], 0);
  return {
    municipality: { code: municipality.code, name: municipality.name },
    year,
    years,
    goalGrades: goalGradeBars(rollUps),
    departments,
    pending,
    total: {
      goals: sum('goals'),
      targets: sum('targets'),
      achieved: sum('achieved'),
      partly: sum('partly'),
      not: sum('not'),
      unreported: sum('unreported'),
      reported: average.reported,
      rate: average.rate,
    },
  };
}

function summarise(r: RollUp): Omit<DepartmentSummary, 'id' | 'name'> {
  const t = r.targets;
  return {
    goals: r.goals.total,
    targets: t.total,
    achieved: t.achieved,
    partly: t.partly,
    not: t.not,
    unreported: t.unreported,
    reported: t.reported,
    rate: r.rate,
  };
}
