import type { BlockKind, PhaseState } from '../../db/schema.ts';
import type { BlockAddress, GoalSnapshot, ItemSnapshot } from '../../domain/goals/goal-edit.types.ts';
import type { ReturnNote } from '../components/return-notice.tsx';
import type { Flash } from './editor.urls.ts';

/** What the editor pages show; the presenter builds it, pages only render. */
export interface QuantityView {
  id: number;
  value: number;
  unit: string;
  comparator: string;
  comparatorLabel: string;
  manual: boolean;
  spanText: string | null;
}

export interface ItemView {
  id: number;
  no: number;
  unitId: number | null;
  unitName: string | null;
  text: string;
  note: string;
  version: number;
  quantities: QuantityView[];
  /** Review items: the plan's 期限・数値目標等 this 達成状況 answers ('' when it has none); plan: absent. */
  answers?: string;
}

export interface GoalView {
  id: number;
  no: number;
  title: string;
  version: number;
  items: ItemView[];
}

/** The fields of a goal or item form as the user typed them (kept when a save is refused). */
export interface GoalFields {
  title: string;
}
export interface ItemFields {
  no: string;
  unit: string;
  newUnit: string;
  text: string;
  note: string;
}
export interface QuantityFields {
  value: string;
  unit: string;
  comparator: string;
}

/** The one form of a goal: its title and every item's fields, keyed by item id. */
export interface GoalFormFields {
  title: string;
  items: Record<number, ItemFields>;
}

/** What the other person saved meanwhile, for the rows of a refused goal form. */
export interface GoalFormCurrent {
  goal: GoalSnapshot | null;
  items: ItemSnapshot[];
  /** Items of the form deleted meanwhile. */
  gone: number[];
}

/**
 * A save that was refused (fields absent: a move or delete, nothing typed to keep), re-rendered in place: the user's input, why, and (for STALE) what is
 * stored now. `target` names the form: `goal-12`, `new-goal`, `item-34`, `new-item-12`, `quantity-34-5`, `new-quantity-34`.
 */
export type Problem = {
  target: string;
  message: string;
  /** Version the re-rendered form carries: the stored one, so a deliberate second save can land. */
  version?: number;
} & (
  | { kind: 'goal'; fields?: GoalFields; current?: GoalSnapshot | null }
  | { kind: 'item'; fields?: ItemFields; current?: ItemSnapshot | null }
  | { kind: 'quantity'; fields?: QuantityFields; current?: ItemSnapshot | null }
  | {
      kind: 'goal-form';
      fields: GoalFormFields;
      /** Message per wrong field, keyed by the input's id (`goal-3-title`, `item-12-text`). */
      issues: Record<string, string>;
      current?: GoalFormCurrent;
      /** Versions the re-rendered form carries: the stored ones after a stale save. */
      versions: { goal: number; items: Record<number, number> };
    }
);

export interface BlockView {
  csrfToken: string;
  address: BlockAddress;
  departmentName: string;
  yearLabel: string;
  blockLabel: string;
  noteLabel: string;
  state: PhaseState | undefined;
  stateLabel: string;
  /** Why the page is read-only; absent when the actor may edit it now. */
  readOnlyReason?: string;
  units: Array<{ id: number; name: string }>;
  goals: GoalView[];
  otherBlock: { href: string; label: string };
  /** Offered on a plan block: copy into next year's plan / into this year's review. */
  canCopyNextYear: boolean;
  canStartReview: boolean;
  flash?: Flash;
  problem?: Problem;
  /** The 差し戻し that reopened this block for editing: why, by whom, when (Tokyo time). */
  returnNote?: ReturnNote;
}

export interface BlockCell {
  block: BlockKind;
  href: string;
  goalCount: number;
  stateLabel: string;
  editable: boolean;
}

export interface EditListView {
  csrfToken: string;
  error?: string;
  departments: Array<{
    id: number;
    name: string;
    years: Array<{
      year: number;
      yearLabel: string;
      plan?: BlockCell;
      review?: BlockCell;
      /** The coming year, while it has no plan: open the empty block and add goals. */
      newPlanHref?: string;
      canCopyNextYear: boolean;
      canStartReview: boolean;
    }>;
  }>;
}
