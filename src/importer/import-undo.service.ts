import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BlockKind, Database, PhaseState } from '../db/schema.ts';
import type { ImportSnapshotRow } from '../db/tables/import-undo.ts';
import { appendAudit } from '../domain/audit/audit.repo.ts';
import { type Actor, systemActor } from '../domain/auth/actor.ts';
import { authorize } from '../domain/auth/policy.ts';
import { getDepartment } from '../domain/departments/department.repo.ts';
import { toGoal } from '../domain/document/document.service.ts';
import { replaceBlock } from '../domain/goals/block.service.ts';
import { type BlockKey, loadBlock } from '../domain/goals/goal.repo.ts';
import { phaseLabels } from '../domain/workflow/labels.ts';
import { phaseOfBlock } from '../domain/workflow/phase-status.repo.ts';
import { AppError } from '../errors.ts';
import type { Goal } from '../format/document.schema.ts';
import { reindexBlock } from '../search/index.repo.ts';
import { yearLabel } from './import-governance.ts';
import {
  blockSourceDocumentId,
  findImportRun,
  findPhaseRow,
  hasSnapshot,
  importRunMunicipality,
  insertSnapshot,
  markUndone,
  restorePhaseRow,
  setFingerprint,
  snapshotsOf,
} from './import-snapshot.repo.ts';

/** An undo that must not happen: Japanese `message` for the page, `english` for the CLI and the log. */
export class UndoRefusedError extends AppError {
  readonly english: string;
  constructor(message: string, english: string) {
    super('CONFLICT', message, { field: 'import' });
    this.english = english;
  }
}

/**
 * Inside the import's transaction, before it writes a block: keep the block and its phase status as
 * they are. A block written twice by one import (two files, same department and year) keeps the first.
 */
export async function snapshotBlock(
  db: Kysely<Database>,
  importId: number,
  key: BlockKey,
  fiscalYear: number,
): Promise<void> {
  if (await hasSnapshot(db, importId, key)) return;
  const goals = (await loadBlock(db, key)).map((g) => toGoal(g, key.block));
  const phase = await findPhaseRow(db, { ...key, phase: phaseOfBlock(key.block) });
  await insertSnapshot(db, {
    import_id: importId,
    department_id: key.departmentId,
    fiscal_year_id: key.fiscalYearId,
    fiscal_year: fiscalYear,
    block: key.block,
    previous_goals: JSON.stringify(goals),
    previous_source_document_id: await blockSourceDocumentId(db, key),
    previous_phase: phase ? JSON.stringify({ status: phase.status, published_at: phase.published_at }) : null,
  });
}

/** At the end of the import's transaction: how each block it wrote looks now. */
export async function sealSnapshots(db: Kysely<Database>, importId: number): Promise<void> {
  for (const s of await snapshotsOf(db, importId))
    await setFingerprint(db, s.id, await fingerprint(db, keyOf(s)));
}

/**
 * The block with its row ids and versions, and its phase's status and version: any edit, re-import or
 * workflow step since bumps one of them, so equal fingerprints mean nobody touched the block.
 */
async function fingerprint(db: Kysely<Database>, key: BlockKey): Promise<string> {
  const goals = await loadBlock(db, key);
  const phase = await findPhaseRow(db, { ...key, phase: phaseOfBlock(key.block) });
  return createHash('sha256')
    .update(JSON.stringify({ goals, phase: phase ?? null }))
    .digest('hex');
}

function keyOf(s: ImportSnapshotRow): BlockKey {
  return { departmentId: s.department_id, fiscalYearId: s.fiscal_year_id, block: s.block };
}

type PreviousPhase = { status: PhaseState; published_at: string | null };

const blockLabel: Record<BlockKind, string> = { review: '達成状況（前年度）', plan: '数値目標（当年度）' };

export interface UndoResult {
  importId: number;
  blocks: Array<{ departmentId: number; fiscalYear: number; block: BlockKind }>;
}

/**
 * Puts every block an import wrote back as it was, in one transaction, audited. Refused when the import
 * was already undone, or when any of its blocks changed since (naming the first that did).
 */
export async function undoImport(db: Kysely<Database>, actor: Actor, importId: number): Promise<UndoResult> {
  return db.transaction().execute(async (trx) => {
    const run = await findImportRun(trx, actor.municipalityId, importId);
    if (!run) throw new AppError('NOT_FOUND', `取り込み ${importId} は見つかりません。`, { field: 'import' });
    const snapshots = await snapshotsOf(trx, importId);
    const names = await departmentNames(trx, snapshots);
    for (const s of snapshots) {
      const scope = { municipalityId: actor.municipalityId, departmentId: s.department_id };
      authorize(actor, 'import.run', { ...scope, departmentName: names.get(s.department_id) });
      if (run.published) authorize(actor, 'import.publish', scope);
    }
    if (run.undone_at !== null) {
      throw new UndoRefusedError(
        'この取り込みはすでに取り消されています。取り込み履歴で現在の状態を確認してください。',
        `import ${importId} was already undone at ${run.undone_at}`,
      );
    }
    for (const s of snapshots) {
      if (s.fingerprint === (await fingerprint(trx, keyOf(s)))) continue;
      const where = `${names.get(s.department_id)} ${yearLabel(s.fiscal_year)}の${blockLabel[s.block]}`;
      throw new UndoRefusedError(
        `${where}（${phaseLabels[phaseOfBlock(s.block)]}）は取り込みの後に編集・再取り込み・提出などで変更されたため、取り消せません。変更を確認し、必要なら編集画面で直してください。`,
        `import ${importId} cannot be undone: ${names.get(s.department_id)} ${s.fiscal_year} ${s.block} block changed since the import`,
      );
    }
    for (const s of snapshots) await restore(trx, actor.municipalityId, s);
    if (!(await markUndone(trx, importId, actor.login))) {
      throw new UndoRefusedError(
        'この取り込みはすでに取り消されています。',
        `import ${importId} was already undone`,
      );
    }
    const blocks = snapshots.map((s) => ({
      departmentId: s.department_id,
      fiscalYear: s.fiscal_year,
      block: s.block,
    }));
    for (const departmentId of new Set(snapshots.map((s) => s.department_id))) {
      const mine = snapshots.filter((s) => s.department_id === departmentId);
      await appendAudit(trx, actor, {
        action: 'import.undo',
        entityType: 'department',
        entityId: departmentId,
        departmentId,
        summary: `import ${importId} (${JSON.parse(run.files).join(', ')}) undone: ${mine.map((s) => `${s.block} ${s.fiscal_year}`).join(', ')} restored`,
        after: { importId, blocks: mine.map((s) => ({ block: s.block, fiscalYear: s.fiscal_year })) },
      });
    }
    return { importId, blocks };
  });
}

/** Same functions the importer writes with, so the block, its search entries and grades follow as on import. */
async function restore(trx: Kysely<Database>, municipalityId: number, s: ImportSnapshotRow): Promise<void> {
  const key = keyOf(s);
  await replaceBlock(trx, {
    key,
    fiscalYear: s.fiscal_year,
    municipalityId,
    sourceDocumentId: s.previous_source_document_id,
    goals: JSON.parse(s.previous_goals) as Goal[],
  });
  await reindexBlock(trx, key);
  const phaseKey = { ...key, phase: phaseOfBlock(s.block) };
  const previous: PreviousPhase | null = s.previous_phase === null ? null : JSON.parse(s.previous_phase);
  const current = await findPhaseRow(trx, phaseKey);
  // A draft that stayed a draft is left alone (its version is someone's open form's lock).
  if (previous && current?.status === previous.status && current.published_at === previous.published_at)
    return;
  await restorePhaseRow(trx, phaseKey, previous);
}

async function departmentNames(
  trx: Kysely<Database>,
  snapshots: ImportSnapshotRow[],
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(snapshots.map((s) => s.department_id))) {
    names.set(id, (await getDepartment(trx, id))?.name ?? `#${id}`);
  }
  return names;
}

/** `mokuhyo import --undo ID`: the operator undoes for the import's own municipality. */
export async function undoImportAsOperator(db: Kysely<Database>, importId: number): Promise<UndoResult> {
  const municipalityId = await importRunMunicipality(db, importId);
  if (municipalityId === undefined) {
    throw new AppError('NOT_FOUND', `no import ${importId}: see the import history`, { field: 'import' });
  }
  return undoImport(db, systemActor(municipalityId), importId);
}
