import type { BlockKind, QuantityKind } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Comparator } from '../../format/document.schema.ts';

/** A block as people name it: department, fiscal year (Gregorian start year), review or plan. */
export interface BlockAddress {
  departmentId: number;
  year: number;
  block: BlockKind;
}

/** Everything a guard and an audit row need about the block an edit touches. */
export interface BlockContext extends BlockAddress {
  municipalityId: number;
  fiscalYearId: number;
}

export interface GoalSnapshot {
  id: number;
  no: number;
  position: number;
  title: string;
  version: number;
}

export interface QuantitySnapshot {
  id: number;
  kind: QuantityKind;
  value: number;
  unit: string;
  comparator: string;
  spanText: string | null;
  origin: 'extracted' | 'manual';
}

export interface ItemSnapshot {
  id: number;
  goalId: number;
  no: number;
  position: number;
  unitId: number | null;
  unitName: string | null;
  text: string;
  /** The block's note: the target (plan) or the achievement (review). */
  note: string | null;
  version: number;
  quantities: QuantitySnapshot[];
}

/**
 * What the other person saved: the page shows it beside the user's own text. `null` means the row
 * was deleted meanwhile.
 */
export type StaleCurrent =
  | { entity: 'goal'; goal: GoalSnapshot | null }
  | { entity: 'item'; item: ItemSnapshot | null };

/** STALE, carrying the stored values that won, so the caller can show them without a second query. */
export class StaleError extends AppError {
  readonly current: StaleCurrent;

  constructor(current: StaleCurrent) {
    super('STALE', `the ${current.entity} was changed by someone else since this form was opened`, {
      field: 'version',
    });
    this.name = 'StaleError';
    this.current = current;
  }
}

export function isStaleError(error: unknown): error is StaleError {
  return error instanceof StaleError;
}

/** Sub-unit of an item: one of the department's existing units, a new name, or none. */
export type UnitChoice = { id: number } | { name: string } | null;

export type Direction = 'up' | 'down';

export interface QuantityInput {
  value: number;
  unit: string;
  comparator: Comparator;
}
