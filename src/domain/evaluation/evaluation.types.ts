import type { IndicatorKind, MatchStatus } from '../../db/tables/evaluation.ts';
import type { Assessment } from '../../db/tables/workflow.ts';
import type { GradeScale } from './grades.ts';

/** achieved: the comparator holds; partly: not, but ≥ 80 %; not: below; unreported (未報告): no actual. */
export type TargetStatus = 'achieved' | 'partly' | 'not' | 'unreported';
/** qualitative: an item without numeric targets, graded by self-assessment (or 未評価 without one). */
export type ItemStatus = TargetStatus | 'qualitative';
export type GoalStatus = 'achieved' | 'partly' | 'not' | 'ungraded';

export interface QuantityView {
  id: number;
  value: number;
  unit: string;
  comparator: string;
  /** The quantity as written (`5人以下`). */
  text: string | null;
  /** n of the `(n)` sub-item it stands in. */
  subItem: number | null;
  /** The words before it in its note, as the matcher read them (for matching, not for display). */
  label: string;
  /** A target's indicator name read cleanly from its note, or null: never a fragment. */
  name: string | null;
}

export interface MatchView {
  status: MatchStatus;
  /** false: computed on read (a suggestion nobody stored); true: a quantity_match row. */
  stored: boolean;
  score: number | null;
  /** The actual an editor rejected for this target (the target then counts as 未報告). */
  rejectedActualId: number | null;
  by: string | null;
  updatedAt: string | null;
}

export interface IndicatorView {
  kind: IndicatorKind;
  /** 成果指標 / 活動指標 */
  kindLabel: string;
  name: string | null;
  baseline: { value: number; date: string | null } | null;
  longTerm: { value: number; year: number | null } | null;
}

export interface TargetEvaluation {
  target: QuantityView;
  actual: QuantityView | null;
  match: MatchView;
  /** Achievement rate in percent (0.1), null when unreported. */
  rate: number | null;
  met: boolean | null;
  grade: string | null;
  status: TargetStatus;
  /** YYYY-MM-DD when the achievement names one (`3/1現在`). */
  asOf: string | null;
  indicator: IndicatorView | null;
  /**
   * What a citizen reads beside the target: the name an editor confirmed (指標名), else the one read
   * cleanly from the note, else null (show the item text).
   */
  name: string | null;
  nameSource: 'editor' | 'derived' | null;
}

export interface SelfAssessmentView {
  grade: string;
  comment: string;
  /** false when the scale changed since and no longer has this grade: the item counts as 未評価. */
  inScale: boolean;
  by: string;
  updatedAt: string;
}

export interface ReviewItemView {
  id: number;
  no: number;
  text: string;
  achievement: string | null;
  /** Every actual of the item: what an editor chooses from when correcting a match. */
  actuals: QuantityView[];
}

export interface ItemEvaluation {
  id: number;
  no: number;
  text: string;
  target: string | null;
  /** The sub-unit (センター, 課) the item belongs to, if named. */
  unit: string | null;
  kind: 'numeric' | 'qualitative';
  reviewItem: ReviewItemView | null;
  targets: TargetEvaluation[];
  selfAssessment: SelfAssessmentView | null;
  rate: number | null;
  grade: string | null;
  status: ItemStatus;
}

/** Where a goal's grade comes from: its numbers (and self-assessed items), or the department's rating. */
export type GoalGradeSource = 'computed' | 'self' | null;

/** The department's 期末報告 rating of the goal (final_assessment), read in the scale. */
export interface GoalSelfAssessmentView {
  assessment: Assessment;
  /** The scale's label for it (達成 / 概ね達成 / 未達成, or A/B/C…). */
  grade: string;
  reason: string;
  by: string;
  updatedAt: string;
}

export interface GoalEvaluation {
  id: number;
  no: number;
  title: string;
  reviewGoal: { id: number; no: number; title: string; score: number } | null;
  items: ItemEvaluation[];
  /** Computed from the numbers and self-assessed items (null when nothing of it is graded). */
  rate: number | null;
  /** What the numbers and self-assessed items give, before the department's rating is considered. */
  computedGrade: string | null;
  /** The goal's grade everywhere (goalGrade in goal-grade.ts): computed, else the department's rating. */
  grade: string | null;
  gradeSource: GoalGradeSource;
  selfAssessment: GoalSelfAssessmentView | null;
  /** The computed reading and the department's rating claim different results. */
  disagrees: boolean;
  /** The lowest grade among its graded items (the conservative reading). */
  worstGrade: string | null;
  status: GoalStatus;
}

export interface GradeCount {
  label: string;
  count: number;
}

export interface RollUp {
  targets: {
    total: number;
    reported: number;
    unreported: number;
    achieved: number;
    partly: number;
    not: number;
    byGrade: GradeCount[];
  };
  items: {
    total: number;
    numeric: number;
    qualitative: number;
    /** Numeric items with no actual for any target (未報告). */
    unreported: number;
    /** Qualitative items without a self-assessment in the scale (未評価). */
    unassessed: number;
    byGrade: GradeCount[];
  };
  goals: { total: number; ungraded: number; byGrade: GradeCount[] };
  /** averageOf (average.ts): mean over reported targets only; `targets.unreported` are left out. */
  rate: number | null;
  grade: string | null;
}

export interface DepartmentEvaluation {
  municipality: { id: number; code: string; name: string };
  department: { id: number; name: string };
  fiscalYear: number;
  scale: GradeScale;
  /** The review block of the year (from the next year's table) is stored: actuals can exist. */
  reviewAvailable: boolean;
  goals: GoalEvaluation[];
  /** Review goals no plan goal pairs with (a goal reported but not planned). */
  unpairedReviewGoals: { id: number; no: number; title: string }[];
  rollUp: RollUp;
}

export interface CityEvaluation {
  municipality: { id: number; code: string; name: string };
  fiscalYear: number;
  scale: GradeScale;
  departments: { id: number; name: string; reviewAvailable: boolean; rollUp: RollUp }[];
  /** Over every goal of every department. */
  rollUp: RollUp;
}
