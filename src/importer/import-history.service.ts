import type { Kysely } from 'kysely';
import type { BlockKind, Database } from '../db/schema.ts';
import type { Actor } from '../domain/auth/actor.ts';
import { can, canAnywhere } from '../domain/auth/policy.ts';
import { AppError } from '../errors.ts';
import { findImportRun, type ImportRunListing, listImportRuns } from './import-snapshot.repo.ts';

export interface ImportHistoryEntry {
  id: number;
  actorLogin: string;
  at: string;
  files: string[];
  published: boolean;
  undoneAt: string | null;
  undoneBy: string | null;
  blocks: Array<{ department: string; fiscalYear: number; block: BlockKind }>;
  /** This actor may undo it now (not yet undone, and every department its blocks belong to is theirs). */
  undoable: boolean;
}

/** The imports that touched a department this actor may import for, newest first. */
export async function listImportHistory(db: Kysely<Database>, actor: Actor): Promise<ImportHistoryEntry[]> {
  if (!canAnywhere(actor, 'import.run')) {
    throw new AppError('FORBIDDEN', '取り込み履歴は、一覧表を取り込める職員だけが見られます。', {});
  }
  const runs = await listImportRuns(db, actor.municipalityId);
  return runs
    .filter((run) => run.blocks.some((b) => mayImport(actor, b.departmentId)))
    .map((run) => present(actor, run));
}

/** One import for the confirmation page; NOT_FOUND when it is not one this actor may see. */
export async function getImportHistoryEntry(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<ImportHistoryEntry> {
  const entry = (await listImportHistory(db, actor)).find((e) => e.id === id);
  if (!entry) {
    const exists = await findImportRun(db, actor.municipalityId, id);
    throw new AppError(
      exists ? 'FORBIDDEN' : 'NOT_FOUND',
      exists
        ? 'この取り込みは、あなたが担当する部局のものではありません。取り込んだ部局の担当者か企画担当に依頼してください。'
        : '取り込みが見つかりません。取り込み履歴から選び直してください。',
      {},
    );
  }
  return entry;
}

function mayImport(actor: Actor, departmentId: number): boolean {
  return can(actor, 'import.run', { municipalityId: actor.municipalityId, departmentId });
}

function present(actor: Actor, run: ImportRunListing): ImportHistoryEntry {
  const all = run.blocks.every((b) => mayImport(actor, b.departmentId));
  const publish = !run.published || can(actor, 'import.publish', { municipalityId: actor.municipalityId });
  return {
    id: run.id,
    actorLogin: run.actor_login,
    at: run.created_at,
    files: JSON.parse(run.files) as string[],
    published: run.published === 1,
    undoneAt: run.undone_at,
    undoneBy: run.undone_by,
    blocks: run.blocks.map(({ department, fiscalYear, block }) => ({ department, fiscalYear, block })),
    undoable: run.undone_at === null && all && publish && run.blocks.length > 0,
  };
}
