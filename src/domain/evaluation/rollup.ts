import { averageOf, targetScore } from './average.ts';
import type {
  GoalEvaluation,
  GoalStatus,
  GradeCount,
  ItemEvaluation,
  RollUp,
  SelfAssessmentView,
  TargetEvaluation,
} from './evaluation.types.ts';
import { type GradeScale, gradeOf, representativeRate } from './grades.ts';

export { RATE_CAP } from './average.ts';

/** Status thresholds, independent of the scale so that dashboards colour alike everywhere. */
const PARTLY_FROM = 80;

const round1 = (n: number): number => Math.round(n * 10) / 10;
const mean = (values: number[]): number | null =>
  values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);

/** achieved from 100 %, partly from 80 %: a grading rate keeps unmet targets below 100 %. */
export function statusOf(rate: number): 'achieved' | 'partly' | 'not' {
  return rate >= 100 ? 'achieved' : rate >= PARTLY_FROM ? 'partly' : 'not';
}

/**
 * An item's rate, grade and status. Numeric: the mean of its reported targets' capped rates
 * (unreported when none is reported). Qualitative: its self-assessed grade, if the scale has it.
 */
export function summariseItem(
  scale: GradeScale,
  targets: TargetEvaluation[],
  assessment: SelfAssessmentView | null,
): Pick<ItemEvaluation, 'kind' | 'rate' | 'grade' | 'status'> {
  if (targets.length === 0) {
    const grade = assessment?.inScale ? assessment.grade : null;
    return { kind: 'qualitative', rate: null, grade, status: 'qualitative' };
  }
  const rate = mean(targets.map(targetScore).filter((s): s is number => s !== null));
  if (rate === null) return { kind: 'numeric', rate: null, grade: null, status: 'unreported' };
  return { kind: 'numeric', rate, grade: gradeOf(scale, rate), status: statusOf(rate) };
}

/** The rate an item contributes to its goal: its own, or the one its self-assessed grade stands for. */
function itemScore(scale: GradeScale, item: ItemEvaluation): number | null {
  if (item.kind === 'numeric') return item.rate;
  return item.grade === null ? null : representativeRate(scale, item.grade);
}

/** A goal's rate: the mean over its graded items, each counted once (numeric or self-assessed). */
export function summariseGoal(
  scale: GradeScale,
  items: ItemEvaluation[],
): Pick<GoalEvaluation, 'rate' | 'grade' | 'worstGrade' | 'status'> {
  const rate = mean(items.map((i) => itemScore(scale, i)).filter((s): s is number => s !== null));
  const ranks = items
    .map((i) => (i.grade === null ? -1 : scale.bands.findIndex((b) => b.label === i.grade)))
    .filter((r) => r >= 0);
  const worst = ranks.length === 0 ? null : (scale.bands[Math.max(...ranks)]?.label ?? null);
  const status: GoalStatus = rate === null ? 'ungraded' : statusOf(rate);
  return { rate, grade: rate === null ? null : gradeOf(scale, rate), worstGrade: worst, status };
}

function distribution(scale: GradeScale, grades: (string | null)[]): GradeCount[] {
  return scale.bands.map((b) => ({ label: b.label, count: grades.filter((g) => g === b.label).length }));
}

/**
 * Counts and distributions over a set of goals: one department, or every department of a city. The
 * rate is `averageOf`'s: reported targets only, so `targets.unreported` says how much it leaves out.
 */
export function rollUp(scale: GradeScale, goals: GoalEvaluation[]): RollUp {
  const items = goals.flatMap((g) => g.items);
  const targets = items.flatMap((i) => i.targets);
  const average = averageOf(scale, goals);
  return {
    targets: {
      total: targets.length,
      reported: targets.filter((t) => t.status !== 'unreported').length,
      unreported: targets.filter((t) => t.status === 'unreported').length,
      achieved: targets.filter((t) => t.status === 'achieved').length,
      partly: targets.filter((t) => t.status === 'partly').length,
      not: targets.filter((t) => t.status === 'not').length,
      byGrade: distribution(
        scale,
        targets.map((t) => t.grade),
      ),
    },
    items: {
      total: items.length,
      numeric: items.filter((i) => i.kind === 'numeric').length,
      qualitative: items.filter((i) => i.kind === 'qualitative').length,
      unreported: items.filter((i) => i.status === 'unreported').length,
      unassessed: items.filter((i) => i.kind === 'qualitative' && i.grade === null).length,
      byGrade: distribution(
        scale,
        items.map((i) => i.grade),
      ),
    },
    goals: {
      total: goals.length,
      ungraded: goals.filter((g) => g.grade === null).length,
      byGrade: distribution(
        scale,
        goals.map((g) => g.grade),
      ),
    },
    rate: average.rate,
    grade: average.grade,
  };
}
