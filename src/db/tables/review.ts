import type { Generated, Selectable } from 'kysely';
import type { Phase } from '../schema.ts';

/** Tables of the review module; merged into the Database interface in ../schema.ts. */

/** A phase's content as it stood when it was returned (差し戻し): what the resubmission is compared with. */
export interface PhaseSnapshotTable {
  id: Generated<number>;
  department_id: number;
  fiscal_year_id: number;
  phase: Phase;
  reason: 'return';
  /** JSON of PhaseContent (src/domain/review/content.ts). */
  content: string;
  comment: string | null;
  actor_login: string;
  created_at: string;
}

export interface ReviewTables {
  phase_snapshot: PhaseSnapshotTable;
}

export type PhaseSnapshotRow = Selectable<PhaseSnapshotTable>;
