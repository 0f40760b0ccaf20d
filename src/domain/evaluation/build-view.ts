import type {
  EvaluationIndicatorRow,
  QuantityMatchRow,
  SelfAssessmentRow,
} from '../../db/tables/evaluation.ts';
import type { StoredGoal, StoredItem } from '../goals/goal.repo.ts';
import { resolveAsOf } from './as-of.ts';
import type {
  GoalEvaluation,
  IndicatorView,
  ItemEvaluation,
  MatchView,
  QuantityView,
  SelfAssessmentView,
  TargetEvaluation,
} from './evaluation.types.ts';
import { type GoalSelfRating, goalGrade } from './goal-grade.ts';
import { type GradeScale, gradeOf, hasGrade } from './grades.ts';
import type { PreparedQuantity } from './prepare.ts';
import { achievementRate, gradingRate } from './rate.ts';
import { statusOf, summariseGoal, summariseItem } from './rollup.ts';
import type { BlockMatch } from './suggest.ts';

export interface ViewInput {
  plan: StoredGoal[];
  scale: GradeScale;
  match: BlockMatch;
  stored: Map<number, QuantityMatchRow>;
  indicators: Map<number, EvaluationIndicatorRow>;
  assessments: Map<number, SelfAssessmentRow>;
  /** The department's 期末報告 ratings, by review goal id (final_assessment). */
  goalRatings: Map<number, GoalSelfRating>;
}

function quantityView(q: PreparedQuantity): QuantityView {
  const { row, context } = q;
  return {
    id: row.id,
    value: row.value,
    unit: row.unit,
    comparator: row.comparator,
    text: row.span_text,
    subItem: context.subItem,
    label: context.label,
    name: q.name,
  };
}

function indicatorView(row: EvaluationIndicatorRow | undefined): IndicatorView | null {
  if (!row) return null;
  return {
    kind: row.kind,
    kindLabel: row.kind === 'outcome' ? '成果指標' : '活動指標',
    name: row.name,
    baseline: row.baseline_value === null ? null : { value: row.baseline_value, date: row.baseline_date },
    longTerm: row.long_term_value === null ? null : { value: row.long_term_value, year: row.long_term_year },
  };
}

/** The pair in force for a target: its stored match, else the suggestion computed on this read. */
function matchOf(input: ViewInput, targetId: number): { actualId: number | null; view: MatchView } {
  const row = input.stored.get(targetId);
  if (row) {
    const rejected = row.status === 'rejected';
    return {
      actualId: rejected ? null : row.actual_quantity_id,
      view: {
        status: row.status,
        stored: true,
        score: row.score,
        rejectedActualId: rejected ? row.actual_quantity_id : null,
        by: row.actor_login,
        updatedAt: row.updated_at,
      },
    };
  }
  const suggestion = input.match.suggestions.get(targetId);
  return {
    actualId: suggestion?.actualId ?? null,
    view: {
      status: 'suggested',
      stored: false,
      score: suggestion?.score ?? null,
      rejectedActualId: null,
      by: null,
      updatedAt: null,
    },
  };
}

function evaluateTarget(input: ViewInput, target: PreparedQuantity): TargetEvaluation {
  const { actualId, view } = matchOf(input, target.row.id);
  const actual = actualId === null ? undefined : input.match.quantities.get(actualId);
  const indicator = indicatorView(input.indicators.get(target.row.id));
  const confirmed = indicator?.name?.trim() || null;
  const base = {
    target: quantityView(target),
    match: view,
    indicator,
    name: confirmed ?? target.name,
    nameSource: confirmed ? ('editor' as const) : target.name ? ('derived' as const) : null,
  };
  if (!actual) {
    return { ...base, actual: null, rate: null, met: null, grade: null, status: 'unreported', asOf: null };
  }
  const result = achievementRate(target.row, actual.row.value);
  const graded = gradingRate(result);
  return {
    ...base,
    actual: quantityView(actual),
    rate: result.rate,
    met: result.met,
    grade: gradeOf(input.scale, graded),
    status: statusOf(graded),
    asOf: resolveAsOf(actual.asOf, target.asOf),
  };
}

function assessmentView(scale: GradeScale, row: SelfAssessmentRow | undefined): SelfAssessmentView | null {
  if (!row) return null;
  return {
    grade: row.grade,
    comment: row.comment,
    inScale: hasGrade(scale, row.grade),
    by: row.actor_login,
    updatedAt: row.updated_at,
  };
}

const prepared = (input: ViewInput, item: StoredItem, kind: 'target' | 'actual'): PreparedQuantity[] =>
  item.quantities
    .filter((q) => q.kind === kind)
    .map((q) => input.match.quantities.get(q.id))
    .filter((q): q is PreparedQuantity => q !== undefined);

function evaluateItem(input: ViewInput, item: StoredItem): ItemEvaluation {
  const review = input.match.items.get(item.id)?.counterpart;
  const targets = prepared(input, item, 'target').map((t) => evaluateTarget(input, t));
  const selfAssessment = assessmentView(input.scale, input.assessments.get(item.id));
  return {
    id: item.id,
    no: item.no,
    text: item.text,
    target: item.target,
    unit: item.unitName,
    reviewItem: review
      ? {
          id: review.id,
          no: review.no,
          text: review.text,
          achievement: review.achievement,
          actuals: prepared(input, review, 'actual').map(quantityView),
        }
      : null,
    targets,
    selfAssessment,
    ...summariseItem(input.scale, targets, selfAssessment),
  };
}

/**
 * A qualitative item the department did not rate on its own takes the goal's 期末報告 rating: the
 * department rated the goal as a whole, so its items are not 未評価.
 */
function withGoalRating(items: ItemEvaluation[], grade: string | null, source: string | null) {
  if (source !== 'self' || grade === null) return items;
  return items.map((i) => (i.kind === 'qualitative' && i.grade === null ? { ...i, grade } : i));
}

export function evaluateGoals(input: ViewInput): GoalEvaluation[] {
  return input.plan.map((goal) => {
    const review = input.match.goals.get(goal.id);
    const computedItems = goal.items.map((item) => evaluateItem(input, item));
    const computed = summariseGoal(input.scale, computedItems);
    const rated = goalGrade(input.scale, {
      hasTargets: computedItems.some((i) => i.targets.length > 0),
      computed,
      self: review ? (input.goalRatings.get(review.counterpart.id) ?? null) : null,
    });
    const items = withGoalRating(computedItems, rated.grade, rated.source);
    return {
      id: goal.id,
      no: goal.no,
      title: goal.title,
      reviewGoal: review
        ? {
            id: review.counterpart.id,
            no: review.counterpart.no,
            title: review.counterpart.title,
            score: review.score,
          }
        : null,
      items,
      ...computed,
      computedGrade: computed.grade,
      grade: rated.grade,
      gradeSource: rated.source,
      selfAssessment: rated.selfAssessment,
      disagrees: rated.disagrees,
      status: rated.status,
    };
  });
}
