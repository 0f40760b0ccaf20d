import type { Generated, Selectable } from 'kysely';

/** Tables of the evaluation module; merged into the Database interface in ../schema.ts. */

/**
 * suggested: proposed by the matcher and stored (suggestMatches); confirmed: an editor accepted the
 * pair; rejected: an editor said this actual does not answer this target; manual: an editor chose the
 * actual (or, with a null actual, declared that none was reported).
 */
export type MatchStatus = 'suggested' | 'confirmed' | 'rejected' | 'manual';

/** Which actual (review block of year Y) answers a target (plan block of year Y): one row per target. */
export interface QuantityMatchTable {
  id: Generated<number>;
  target_quantity_id: number;
  actual_quantity_id: number | null;
  status: MatchStatus;
  /** The matcher's score when suggested; null for an editor's choice. */
  score: number | null;
  actor_user_id: number;
  actor_login: string;
  created_at: string;
  updated_at: string;
}

/** 成果指標 (outcome) or 活動指標 (activity). */
export type IndicatorKind = 'outcome' | 'activity';

/** A target quantity marked as an indicator, with its baseline and long-term target. */
export interface EvaluationIndicatorTable {
  id: Generated<number>;
  target_quantity_id: number;
  kind: IndicatorKind;
  name: string | null;
  baseline_value: number | null;
  /** ISO date (YYYY-MM-DD) the baseline was measured. */
  baseline_date: string | null;
  long_term_value: number | null;
  /** Fiscal year (Gregorian start year) of the long-term target. */
  long_term_year: number | null;
  actor_user_id: number;
  actor_login: string;
  created_at: string;
  updated_at: string;
}

export type GradePreset = 'achievement' | 'abc' | 'a_to_d' | 's_to_c' | 'custom';

/** The grade scale a municipality evaluates with; none stored = the 'achievement' preset. */
export interface GradeScaleTable {
  id: Generated<number>;
  municipality_id: number;
  preset: GradePreset;
  name: string;
  bands_json: string;
  actor_user_id: number;
  actor_login: string;
  created_at: string;
  updated_at: string;
}

/** A scale in force from `from_year` (0: since always) until the next version's year. */
export interface GradeScaleVersionTable {
  id: Generated<number>;
  municipality_id: number;
  from_year: number;
  preset: GradePreset;
  name: string;
  bands_json: string;
  actor_user_id: number | null;
  actor_login: string | null;
  created_at: string;
  updated_at: string;
}

/** The scale a fiscal year keeps: recorded at publication, replaced only by an explicit re-grade. */
export interface GradeScaleYearTable {
  id: Generated<number>;
  municipality_id: number;
  fiscal_year: number;
  preset: GradePreset;
  name: string;
  bands_json: string;
  reason: 'published' | 'regrade';
  actor_user_id: number | null;
  actor_login: string | null;
  created_at: string;
  updated_at: string;
}

/** An editor's grade (a label of the scale) and comment for a plan item, used when it has no numbers. */
export interface SelfAssessmentTable {
  id: Generated<number>;
  item_id: number;
  grade: string;
  comment: string;
  actor_user_id: number;
  actor_login: string;
  created_at: string;
  updated_at: string;
}

export interface EvaluationTables {
  quantity_match: QuantityMatchTable;
  evaluation_indicator: EvaluationIndicatorTable;
  /** Superseded by grade_scale_version (migration 20261203168000); kept, no longer read. */
  grade_scale: GradeScaleTable;
  grade_scale_version: GradeScaleVersionTable;
  grade_scale_year: GradeScaleYearTable;
  self_assessment: SelfAssessmentTable;
}

export type QuantityMatchRow = Selectable<QuantityMatchTable>;
export type EvaluationIndicatorRow = Selectable<EvaluationIndicatorTable>;
export type GradeScaleRow = Selectable<GradeScaleTable>;
export type SelfAssessmentRow = Selectable<SelfAssessmentTable>;
