import type { Generated, Selectable } from 'kysely';
import type { BlockKind } from '../schema.ts';

/** Tables of the import undo (issue 9, item 5e); merged into the Database interface in ../schema.ts. */

/** One import: one transaction, any number of files. */
export interface ImportRunTable {
  id: Generated<number>;
  municipality_id: number;
  actor_login: string;
  /** JSON array of the file names. */
  files: string;
  /** 1 when loaded as published history (undoing it needs import.publish). */
  published: number;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

/** One block an import wrote, as it was before. */
export interface ImportSnapshotTable {
  id: Generated<number>;
  import_id: number;
  department_id: number;
  fiscal_year_id: number;
  fiscal_year: number;
  block: BlockKind;
  /** JSON of the interchange goals (domain/document) before the import; `[]` when the block was empty. */
  previous_goals: string;
  previous_source_document_id: number | null;
  /** JSON {status, published_at} of the phase before, or null when the phase had no status. */
  previous_phase: string | null;
  /** sha256 of the block and its phase status as the import left them; set when the import ends. */
  fingerprint: string | null;
}

export interface ImportUndoTables {
  import_run: ImportRunTable;
  import_snapshot: ImportSnapshotTable;
}

export type ImportRunRow = Selectable<ImportRunTable>;
export type ImportSnapshotRow = Selectable<ImportSnapshotTable>;
