import type { Kysely } from 'kysely';
import { nowIso } from '../db/clock.ts';
import type { BlockKind, Database, Phase, PhaseState } from '../db/schema.ts';
import type { ImportRunRow, ImportSnapshotRow } from '../db/tables/import-undo.ts';

/** All SQL of the import undo: import runs, their block snapshots, and the phase rows they restore. */

type Q = Kysely<Database>;

export interface PhaseRow {
  status: PhaseState;
  published_at: string | null;
  version: number;
}

export async function insertImportRun(
  db: Q,
  run: { municipalityId: number; actorLogin: string; files: string[]; published: boolean },
): Promise<number> {
  const row = await db
    .insertInto('import_run')
    .values({
      municipality_id: run.municipalityId,
      actor_login: run.actorLogin,
      files: JSON.stringify(run.files),
      published: run.published ? 1 : 0,
      created_at: nowIso(),
      undone_at: null,
      undone_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSnapshot(
  db: Q,
  snapshot: Omit<ImportSnapshotRow, 'id' | 'fingerprint'>,
): Promise<void> {
  await db
    .insertInto('import_snapshot')
    .values({ ...snapshot, fingerprint: null })
    .execute();
}

export function hasSnapshot(
  db: Q,
  importId: number,
  key: { departmentId: number; fiscalYearId: number; block: BlockKind },
) {
  return db
    .selectFrom('import_snapshot')
    .select('id')
    .where('import_id', '=', importId)
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('block', '=', key.block)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

export async function setFingerprint(db: Q, snapshotId: number, fingerprint: string): Promise<void> {
  await db.updateTable('import_snapshot').set({ fingerprint }).where('id', '=', snapshotId).execute();
}

export function snapshotsOf(db: Q, importId: number): Promise<ImportSnapshotRow[]> {
  return db
    .selectFrom('import_snapshot')
    .selectAll()
    .where('import_id', '=', importId)
    .orderBy('id')
    .execute();
}

export function findImportRun(db: Q, municipalityId: number, id: number): Promise<ImportRunRow | undefined> {
  return db
    .selectFrom('import_run')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks a run undone only if it was not already (a second undo racing this one changes no row). */
export async function markUndone(db: Q, id: number, login: string): Promise<boolean> {
  const result = await db
    .updateTable('import_run')
    .set({ undone_at: nowIso(), undone_by: login })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ImportRunListing extends ImportRunRow {
  blocks: Array<{ department: string; departmentId: number; fiscalYear: number; block: BlockKind }>;
}

/** The newest runs of a municipality with the blocks each wrote (department names, years). */
export async function listImportRuns(
  db: Q,
  municipalityId: number,
  limit = 100,
): Promise<ImportRunListing[]> {
  const runs = await db
    .selectFrom('import_run')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return [];
  const blocks = await db
    .selectFrom('import_snapshot')
    .innerJoin('department', 'department.id', 'import_snapshot.department_id')
    .select([
      'import_snapshot.import_id',
      'department.name as department',
      'import_snapshot.department_id as departmentId',
      'import_snapshot.fiscal_year as fiscalYear',
      'import_snapshot.block',
    ])
    .where(
      'import_snapshot.import_id',
      'in',
      runs.map((r) => r.id),
    )
    .orderBy('import_snapshot.id')
    .execute();
  return runs.map((run) => ({
    ...run,
    blocks: blocks
      .filter((b) => b.import_id === run.id)
      .map(({ department, departmentId, fiscalYear, block }) => ({
        department,
        departmentId,
        fiscalYear,
        block,
      })),
  }));
}

export function findPhaseRow(
  db: Q,
  key: { departmentId: number; fiscalYearId: number; phase: Phase },
): Promise<PhaseRow | undefined> {
  return db
    .selectFrom('phase_status')
    .select(['status', 'published_at', 'version'])
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .executeTakeFirst();
}

/** Puts a phase back as it was before an import: its status again, or no status at all. */
export async function restorePhaseRow(
  db: Q,
  key: { departmentId: number; fiscalYearId: number; phase: Phase },
  previous: { status: PhaseState; published_at: string | null } | null,
): Promise<void> {
  const row = db
    .updateTable('phase_status')
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase);
  if (previous === null) {
    await db
      .deleteFrom('phase_status')
      .where('department_id', '=', key.departmentId)
      .where('fiscal_year_id', '=', key.fiscalYearId)
      .where('phase', '=', key.phase)
      .execute();
    return;
  }
  await row
    .set((eb) => ({
      status: previous.status,
      published_at: previous.published_at,
      updated_at: nowIso(),
      version: eb('version', '+', 1),
    }))
    .execute();
}

/** The source document the block's goals came from (all goals of a block share the import's). */
export async function blockSourceDocumentId(
  db: Q,
  key: { departmentId: number; fiscalYearId: number; block: BlockKind },
): Promise<number | null> {
  const row = await db
    .selectFrom('goal')
    .select('source_document_id')
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('block', '=', key.block)
    .orderBy('id')
    .executeTakeFirst();
  return row?.source_document_id ?? null;
}

/** For the operator's CLI, which acts for whichever municipality the import belongs to. */
export async function importRunMunicipality(db: Q, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('import_run')
    .select('municipality_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.municipality_id;
}
