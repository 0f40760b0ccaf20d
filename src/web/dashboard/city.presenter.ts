import type { CityYear } from '../../domain/evaluation/city-year.service.ts';
import {
  averageOf,
  type GoalEvaluation,
  type GradeScale,
  type RollUp,
} from '../../domain/evaluation/index.ts';
import type { CityDashboardView, DepartmentSummary } from './dashboard.view.ts';
import { goalGradeBars } from './grades.ts';

/**
 * The city-wide dashboard of one fiscal year (loadCityYear). Only departments whose plan and review blocks are
 * both published take part, so the city totals never include unpublished figures; the others are
 * listed as 未公表 so that no department silently drops out.
 */
export function presentCityDashboard(city: CityYear, year: number): CityDashboardView {
  const { municipality, years } = city;
  const departments: DepartmentSummary[] = [];
  const pending: CityDashboardView['pending'] = [];
  const rollUps: RollUp[] = [];
  const goals: GoalEvaluation[] = [];
  let scale: GradeScale | undefined;
  for (const department of city.departments) {
    if (department.state !== 'full') {
      pending.push({ id: department.id, name: department.name, state: department.state });
      continue;
    }
    const { evaluation } = department;
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
