import type { Generated, Selectable } from 'kysely';

/** Tables of the lineage module; merged into the Database interface in ../schema.ts. */

/**
 * continues: review goal of Y-1 → plan goal of Y, inside one table.
 * same: plan goal of Y → review goal of Y in the next table (the same goal, reported).
 * absorbed: a goal of Y-1 → one item of a goal of Y that took it over.
 */
export type LinkKind = 'continues' | 'same' | 'absorbed';
export type LinkStatus = 'suggested' | 'confirmed' | 'rejected' | 'manual';

/** A goal (or one of its items) followed into the next year; keyed by goal/item ids that survive re-import. */
export interface GoalLinkTable {
  id: Generated<number>;
  municipality_id: number;
  kind: LinkKind;
  from_goal_id: number;
  from_item_id: number | null;
  to_goal_id: number;
  to_item_id: number | null;
  /** Text similarity 0..1 when suggested; null for links a person set. */
  score: number | null;
  status: LinkStatus;
  /** Login of whoever confirmed, rejected or set the link. */
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export type ReorganisationKind = 'rename' | 'merge' | 'split';

/** A 組織改編: from the given fiscal year on, the "from" departments' work belongs to the "to" ones. */
export interface ReorganisationTable {
  id: Generated<number>;
  municipality_id: number;
  kind: ReorganisationKind;
  effective_year: number;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface ReorganisationDepartmentTable {
  id: Generated<number>;
  reorganisation_id: number;
  department_id: number;
  role: 'from' | 'to';
}

/** One node of the comprehensive plan (総合計画): 基本目標 → 施策 → … */
export interface PolicyNodeTable {
  id: Generated<number>;
  municipality_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  /** 0 for the top level (基本目標). */
  depth: number;
  /** Order among siblings. */
  position: number;
  created_at: string;
  updated_at: string;
}

export interface GoalPolicyTable {
  id: Generated<number>;
  goal_id: number;
  policy_id: number;
  created_by: string;
  created_at: string;
}

export interface LineageTables {
  goal_link: GoalLinkTable;
  reorganisation: ReorganisationTable;
  reorganisation_department: ReorganisationDepartmentTable;
  policy_node: PolicyNodeTable;
  goal_policy: GoalPolicyTable;
}

export type GoalLinkRow = Selectable<GoalLinkTable>;
export type ReorganisationRow = Selectable<ReorganisationTable>;
export type PolicyNodeRow = Selectable<PolicyNodeTable>;
