import type { Assessment } from '../../db/tables/workflow.ts';
import type { GoalGradeSource, GoalSelfAssessmentView, GoalStatus } from './evaluation.types.ts';
import { type GradeScale, gradeOf } from './grades.ts';
import { statusOf } from './rollup.ts';

/**
 * The rate each answer of the 期末報告 stands for when it is read in the city's scale: 達成 is the
 * pass mark, 概ね達成 sits inside the 80–100 % band, 未達成 well below it. Reading through a rate keeps
 * the answer meaningful whatever labels the scale uses (A/B/C, S–C, custom).
 */
const ASSESSMENT_RATE: Record<Assessment, number> = { achieved: 100, mostly: 90, not_achieved: 40 };
/** The status each answer claims, compared with the status the numbers give. */
const ASSESSMENT_STATUS: Record<Assessment, 'achieved' | 'partly' | 'not'> = {
  achieved: 'achieved',
  mostly: 'partly',
  not_achieved: 'not',
};

/** The department's 期末報告 self-rating of a goal, as stored by the workflow (final_assessment). */
export interface GoalSelfRating {
  assessment: Assessment;
  reason: string;
  by: string;
  updatedAt: string;
}

export interface GoalGradeInput {
  /** The goal has at least one numeric target (its grade can be computed from actuals). */
  hasTargets: boolean;
  /** What the evaluation computes: numeric targets and self-assessed items (null when nothing graded). */
  computed: { rate: number | null; grade: string | null; status: GoalStatus };
  self: GoalSelfRating | null;
}

export interface GoalGrade {
  /** The grade every page, search entry and report shows for the goal. */
  grade: string | null;
  source: GoalGradeSource;
  /** The computed status, or the one the department's rating claims where that is the grade. */
  status: GoalStatus;
  selfAssessment: GoalSelfAssessmentView | null;
  /** Both readings exist and claim different results (達成 vs 概ね達成 vs 未達成). */
  disagrees: boolean;
}

/** The department's rating read in the scale: the label of the band its rate falls in. */
export function selfGradeOf(scale: GradeScale, assessment: Assessment): string {
  return gradeOf(scale, ASSESSMENT_RATE[assessment]);
}

/**
 * The one rule for "the grade of a goal". Where the goal has numeric targets and some are reported,
 * the computed grade stands and the department's rating is shown beside it; where the numbers give
 * nothing (no numeric target, or none reported yet), the department's rating is the grade. A goal
 * with neither keeps what its self-assessed items give, else none (未評価).
 */
export function goalGrade(scale: GradeScale, input: GoalGradeInput): GoalGrade {
  const { computed, self } = input;
  const selfAssessment: GoalSelfAssessmentView | null = self && {
    assessment: self.assessment,
    grade: selfGradeOf(scale, self.assessment),
    reason: self.reason,
    by: self.by,
    updatedAt: self.updatedAt,
  };
  const disagrees =
    self !== null && computed.rate !== null && statusOf(computed.rate) !== ASSESSMENT_STATUS[self.assessment];
  const base = { selfAssessment, disagrees, status: computed.status };
  if (input.hasTargets && computed.grade !== null)
    return { ...base, grade: computed.grade, source: 'computed' };
  if (self && selfAssessment) {
    const status = ASSESSMENT_STATUS[self.assessment];
    return { ...base, grade: selfAssessment.grade, source: 'self', status };
  }
  if (computed.grade !== null) return { ...base, grade: computed.grade, source: 'computed' };
  return { ...base, grade: null, source: null };
}
