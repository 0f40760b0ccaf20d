import type { DepartmentEvaluation } from '../../domain/evaluation/index.ts';
import type { DepartmentHistory } from '../../domain/lineage/across-years.service.ts';
import type { TrendView } from './dashboard.view.ts';

export interface YearEvaluation {
  evaluation: DepartmentEvaluation;
  /** false: the achievements of that year are not public, so its actuals are left out. */
  actualsPublic: boolean;
}

/**
 * Quantities that recur across years, for the trend charts. Goals are the same goal when the
 * lineage links put them in one thread (renamed goals included), else when their titles match;
 * within a goal a target recurs when its item number, unit and rank among that unit's targets
 * agree. Only quantities of the shown year that appear in two or more years are kept.
 */
export function recurringTrends(
  history: DepartmentHistory,
  years: YearEvaluation[],
  shownYear: number,
): TrendView[] {
  const threadOf = new Map<number, number>();
  history.threads.forEach((thread, index) => {
    for (const step of thread.steps) if (step.plan) threadOf.set(step.plan.goalId, index);
  });
  const series = new Map<string, TrendView>();
  for (const { evaluation, actualsPublic } of [...years].sort(
    (a, b) => a.evaluation.fiscalYear - b.evaluation.fiscalYear,
  )) {
    const year = evaluation.fiscalYear;
    for (const goal of evaluation.goals) {
      const thread = threadOf.get(goal.id);
      const goalKey = thread === undefined ? `title:${goal.title}` : `thread:${thread}`;
      for (const item of goal.items) {
        const rank = new Map<string, number>();
        for (const t of item.targets) {
          const unit = t.target.unit;
          const n = (rank.get(unit) ?? 0) + 1;
          rank.set(unit, n);
          const key = `${goalKey}|${item.no}|${unit}|${n}`;
          const trend = series.get(key) ?? { title: '', unit, points: [] };
          if (year === shownYear || trend.title === '') trend.title = `${goal.title}: ${t.name ?? item.text}`;
          trend.points.push({
            year,
            target: t.target.value,
            actual: actualsPublic ? (t.actual?.value ?? null) : null,
          });
          series.set(key, trend);
        }
      }
    }
  }
  return [...series.values()].filter(
    (t) => t.points.length >= 2 && t.points.some((p) => p.year === shownYear),
  );
}
