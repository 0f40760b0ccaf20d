import type { Generated, Insertable, Selectable } from 'kysely';
import type { AuthTables } from './tables/auth.ts';
import type { EvaluationTables } from './tables/evaluation.ts';
import type { ImportUndoTables } from './tables/import-undo.ts';
import type { LineageTables } from './tables/lineage.ts';
import type { ReviewTables } from './tables/review.ts';
import type { WorkflowTables } from './tables/workflow.ts';

/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings on both engines so that rows
 * compare and sort the same way everywhere; ids are integers.
 */
export interface MunicipalityTable {
  id: Generated<number>;
  code: string;
  name: string;
  created_at: string;
  /** 全国地方公共団体コード (6 digits, check digit verified); null until given. */
  local_gov_code: string | null;
  /** The variant dictionary the municipality's search keys were folded with (src/search/refold.ts). */
  search_fold_version: string | null;
  /** 1: a published 中間報告 is public; 0: the municipality keeps it internal (issue 10, item 8). */
  interim_public: Generated<number>;
}

/** A 表記ゆれ pair a municipality added: `variant` is searched as `canonical` (src/search/variants.ts). */
export interface SearchVariantTable {
  id: Generated<number>;
  municipality_id: number;
  variant: string;
  canonical: string;
  created_at: string;
}

export type DepartmentKind = 'department' | 'unit';

/** A 部局, or one of its sub-units (kind 'unit', parent_id set): センター, 課. */
export interface DepartmentTable {
  id: Generated<number>;
  municipality_id: number;
  parent_id: number | null;
  kind: DepartmentKind;
  name: string;
  created_at: string;
  /** Set on the organisation settings page; null sorts after the ordered ones, by id. */
  display_order: number | null;
}

export interface FiscalYearTable {
  id: Generated<number>;
  municipality_id: number;
  /** Gregorian year the 年度 starts in (令和4年度 = 2022). */
  year: number;
  created_at: string;
}

export interface SourceDocumentTable {
  id: Generated<number>;
  municipality_id: number;
  department_id: number;
  review_year: number;
  plan_year: number;
  name: string;
  format: 'text' | 'json' | 'xlsx' | 'pdf';
  content_hash: string;
  size_bytes: number;
  imported_at: string;
}

export interface SourceWarningTable {
  id: Generated<number>;
  source_document_id: number;
  position: number;
  line: number | null;
  message: string;
}

export type BlockKind = 'review' | 'plan';

/** One goal of one department in one fiscal year, as written in one block of the table. */
export interface GoalTable {
  id: Generated<number>;
  department_id: number;
  fiscal_year_id: number;
  block: BlockKind;
  /** Row of the table (重点目標 1..n). */
  no: number;
  position: number;
  title: string;
  source_document_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** The goal this one was copied from (start next year / year-end report). */
  copied_from_goal_id: number | null;
}

export interface ItemTable {
  id: Generated<number>;
  goal_id: number;
  /** Circled number: ① = 1. */
  no: number;
  position: number;
  unit_id: number | null;
  text: string;
  target: string | null;
  achievement: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  copied_from_item_id: number | null;
}

export type QuantityKind = 'target' | 'actual';

export interface QuantityTable {
  id: Generated<number>;
  item_id: number;
  kind: QuantityKind;
  position: number;
  value: number;
  unit: string;
  comparator: string;
  span_text: string | null;
  span_start: number | null;
  span_end: number | null;
  origin: 'extracted' | 'manual';
}

/** Core tables; each module adds its own (src/db/tables/*.ts) so no two modules edit one interface. */
export interface CoreTables {
  municipality: MunicipalityTable;
  search_variant: SearchVariantTable;
  department: DepartmentTable;
  fiscal_year: FiscalYearTable;
  source_document: SourceDocumentTable;
  source_warning: SourceWarningTable;
  goal: GoalTable;
  item: ItemTable;
  quantity: QuantityTable;
  phase_status: PhaseStatusTable;
  search_entry: SearchEntryTable;
}

export type MunicipalityRow = Selectable<MunicipalityTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type GoalRow = Selectable<GoalTable>;
export type ItemRow = Selectable<ItemTable>;
export type QuantityRow = Selectable<QuantityTable>;
export type NewQuantity = Insertable<QuantityTable>;

export type Phase = 'goal_setting' | 'interim' | 'final';
export type PhaseState = 'draft' | 'submitted' | 'approved' | 'accepted' | 'published';

export interface PhaseStatusTable {
  id: Generated<number>;
  department_id: number;
  fiscal_year_id: number;
  phase: Phase;
  status: PhaseState;
  published_at: string | null;
  version: number;
  updated_at: string;
  /** Planning opened this phase before its turn (order or opening date): when, and who. */
  opened_early_at: Generated<string | null>;
  opened_early_by: Generated<string | null>;
}

export interface Database
  extends CoreTables,
    EvaluationTables,
    LineageTables,
    AuthTables,
    WorkflowTables,
    ReviewTables,
    ImportUndoTables {}

/** One goal title or item as a search entry (src/search/entries.ts); `folded` and `grams` are derived keys. */
export interface SearchEntryTable {
  id: Generated<number>;
  municipality_id: number;
  department_id: number;
  fiscal_year_id: number;
  year: number;
  block: BlockKind;
  goal_id: number;
  goal_no: number;
  goal_position: number;
  goal_title: string;
  item_id: number | null;
  item_no: number | null;
  item_position: number | null;
  unit_name: string | null;
  item_text: string | null;
  note: string | null;
  folded: string;
  grams: string;
  /** The goal's (title entry) or item's grade of the scale; null when not graded (grade-index.ts). */
  grade: string | null;
}
