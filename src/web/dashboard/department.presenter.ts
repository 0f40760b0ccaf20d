import type { DepartmentYear } from '../../domain/evaluation/department-year.service.ts';
import type { GoalEvaluation } from '../../domain/evaluation/index.ts';
import { circledNumber } from '../../views/circled-number.ts';
import type { DepartmentDashboardView, GoalBlock } from './dashboard.view.ts';
import { goalGradeBars } from './grades.ts';
import { recurringTrends } from './trends.ts';

/** One department's dashboard (loadDepartmentYear): its goals of the year with grades, every numeric target, and trends. */
export function presentDepartmentDashboard(data: DepartmentYear): DepartmentDashboardView {
  const { municipality, department, year, years } = data;
  const base = {
    municipality: { code: municipality.code, name: municipality.name },
    department,
    year,
    years,
  };
  if (data.publication === 'plan') {
    const average = { rate: null, reported: 0, unreported: 0 };
    return { ...base, publication: 'plan', average, goalGrades: [], goals: [], trends: [] };
  }
  const { evaluation } = data;
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
    trends: recurringTrends(data.history, data.evaluations, year),
  };
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
