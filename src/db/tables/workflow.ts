import type { Generated, Selectable } from 'kysely';
import type { Phase, PhaseState } from '../schema.ts';

/** Tables of the workflow module; merged into the Database interface in ../schema.ts. */

/**
 * department: passed before the phase counts as 'approved' (部局長, 課長…, held by approvers);
 * planning: passed before it counts as 'accepted' (企画); extra: recorded after acceptance and
 * before publication (市長決裁), entered by planning staff.
 */
export type ChainStage = 'department' | 'planning' | 'extra';

/** One named step of a municipality's approval chain; none stored = the default chain. */
export interface WorkflowStepTable {
  id: Generated<number>;
  municipality_id: number;
  position: number;
  name: string;
  stage: ChainStage;
  role: 'approver' | 'planning';
  updated_by: string;
  updated_at: string;
}

/** The deadline of a phase in a fiscal year: a calendar date in Asia/Tokyo, due by its end. */
export interface PhaseDeadlineTable {
  id: Generated<number>;
  fiscal_year_id: number;
  phase: Phase;
  /** YYYY-MM-DD. */
  due_date: string;
  /** YYYY-MM-DD: the phase may not be started before this day (null: as soon as its turn comes). */
  opens_on: Generated<string | null>;
  updated_by: string;
  updated_at: string;
}

export type WorkflowEventAction = 'open' | 'submit' | 'approve' | 'accept' | 'sign' | 'publish' | 'return';

/** The history shown on a department's panel: every transition, with its comment. */
export interface WorkflowEventTable {
  id: Generated<number>;
  municipality_id: number;
  department_id: number;
  fiscal_year_id: number;
  phase: Phase;
  action: WorkflowEventAction;
  from_status: PhaseState | null;
  to_status: PhaseState;
  step_name: string | null;
  step_stage: ChainStage | null;
  comment: string | null;
  actor_user_id: number | null;
  actor_login: string;
  at: string;
}

/** 中間報告: progress so far on one plan-block item, with the quantities read from it. */
export interface InterimProgressTable {
  id: Generated<number>;
  item_id: number;
  department_id: number;
  fiscal_year_id: number;
  text: string;
  /** 1: the editor marked the item 未着手 (nothing done yet), which reports it without progress text. */
  not_started: Generated<number>;
  version: number;
  actor_login: string;
  created_at: string;
  updated_at: string;
}

export interface InterimQuantityTable {
  id: Generated<number>;
  progress_id: number;
  position: number;
  value: number;
  unit: string;
  comparator: string;
  span_text: string;
  span_start: number;
  span_end: number;
}

/** 達成 / 概ね達成 / 未達成. */
export type Assessment = 'achieved' | 'mostly' | 'not_achieved';

/** 期末報告・評価: the department's assessment of one review-block goal, with its reason. */
export interface FinalAssessmentTable {
  id: Generated<number>;
  goal_id: number;
  department_id: number;
  fiscal_year_id: number;
  assessment: Assessment;
  reason: string;
  version: number;
  actor_login: string;
  created_at: string;
  updated_at: string;
}

export type NotificationKind =
  | 'submitted'
  | 'approved'
  | 'accepted'
  | 'published'
  | 'returned'
  | 'deadline_soon'
  | 'deadline_overdue';

/** One inbox entry of one user. */
export interface NotificationTable {
  id: Generated<number>;
  municipality_id: number;
  user_id: number;
  kind: NotificationKind;
  department_id: number | null;
  fiscal_year_id: number | null;
  phase: Phase | null;
  message: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

/** What a reminder run sent, so that the next run sends nothing twice (unique key = idempotency). */
export interface ReminderLogTable {
  id: Generated<number>;
  user_id: number;
  department_id: number;
  fiscal_year_id: number;
  phase: Phase;
  due_date: string;
  kind: 'before' | 'overdue';
  channel: 'inbox' | 'email';
  sent_at: string;
}

export interface WorkflowTables {
  workflow_step: WorkflowStepTable;
  phase_deadline: PhaseDeadlineTable;
  workflow_event: WorkflowEventTable;
  interim_progress: InterimProgressTable;
  interim_quantity: InterimQuantityTable;
  final_assessment: FinalAssessmentTable;
  notification: NotificationTable;
  reminder_log: ReminderLogTable;
}

export type WorkflowEventRow = Selectable<WorkflowEventTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type FinalAssessmentRow = Selectable<FinalAssessmentTable>;
