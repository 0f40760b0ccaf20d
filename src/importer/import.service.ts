import type { Kysely } from 'kysely';
import type { Database, MunicipalityRow } from '../db/schema.ts';
import { appendAudit } from '../domain/audit/audit.repo.ts';
import { type Actor, systemActor } from '../domain/auth/actor.ts';
import { authorize, can } from '../domain/auth/policy.ts';
import { ensureDepartment, findTopDepartment } from '../domain/departments/department.repo.ts';
import { insertSourceDocument } from '../domain/document/source-document.repo.ts';
import { ensureFiscalYear } from '../domain/fiscal-years/fiscal-year.repo.ts';
import { type BlockChange, replaceBlock } from '../domain/goals/block.service.ts';
import { suggestLineageForTable } from '../domain/lineage/suggest.service.ts';
import { assignLocalGovCode, resolveMunicipality } from '../domain/municipalities/municipality.service.ts';
import { phaseOfBlock, setPhaseStatus } from '../domain/workflow/phase-status.repo.ts';
import { AppError } from '../errors.ts';
import type { IchiranDocument } from '../format/document.schema.ts';
import { reindexBlock } from '../search/index.repo.ts';
import { assertBlocksImportable, assertPlausiblePlanYear } from './import-governance.ts';
import { insertImportRun } from './import-snapshot.repo.ts';
import { sealSnapshots, snapshotBlock } from './import-undo.service.ts';
import { assertNotOcrPublished } from './pdf/ocr/ocr-notice.ts';
import type { ParsedSource } from './read-source.ts';

export interface DocumentReport {
  file: string;
  departmentId: number;
  department: string;
  reviewYear: number;
  planYear: number;
  /** True when this department already had either of these two years stored. */
  replaced: boolean;
  /** Stored as the city's published history, or (default) as drafts of their phases. */
  published: boolean;
  changes: BlockChange[];
  warnings: IchiranDocument['warnings'];
}

export interface ImportResult {
  /** The import's id in the history: `mokuhyo import --undo ID` or 取り込み履歴 undo it. */
  importId: number;
  municipality: { code: string; name: string };
  documents: DocumentReport[];
}

export interface ImportOptions {
  municipality?: string | { code: string; name: string };
  /** 全国地方公共団体コード to give the municipality (checked; CLI `--local-gov-code`). */
  localGovCode?: string;
  /** Who imports (browser, API): authorised per department. Unset for the operator's CLI. */
  actor?: Actor;
  /**
   * Load the city's past tables as already published (planning and admin only). Without it every
   * block lands as a draft (作成中) of its phase, and only where that phase is still a draft.
   */
  published?: boolean;
  /** The person confirmed a plan year far ahead of the current 年度 or before 平成. */
  allowYear?: boolean;
  /** The instant whose 年度 the year check compares with (tests pin it). */
  today?: Date;
}

/**
 * Stores every document of every source in ONE transaction: either all files land or none.
 * Re-importing a department's table replaces exactly its review year and plan year.
 * Every rule (role, year, the state of each block) is checked before anything is written.
 */
export async function importSources(
  db: Kysely<Database>,
  sources: ParsedSource[],
  options: ImportOptions = {},
  onDocument?: (report: DocumentReport) => void,
): Promise<ImportResult> {
  const published = options.published ?? false;
  return db.transaction().execute(async (trx) => {
    let municipality = await resolveMunicipality(trx, options.municipality);
    if (options.localGovCode !== undefined) {
      municipality = await assignLocalGovCode(trx, municipality, options.localGovCode);
    }
    const actor = options.actor ?? systemActor(municipality.id);
    if (published && !can(actor, 'import.publish', { municipalityId: municipality.id })) {
      throw new AppError(
        'FORBIDDEN',
        '公表済みとして取り込めるのは企画担当と管理者だけです。チェックを外し、作成中として取り込んでください。',
        { field: 'published' },
      );
    }
    for (const source of sources) {
      for (const document of source.documents) {
        if (options.actor) await authorizeImport(trx, options.actor, municipality.id, document.department);
        if (!options.allowYear) assertPlausiblePlanYear(document, options.today ?? new Date(), source.name);
        if (published) assertNotOcrPublished(document, source.name);
        await assertBlocksImportable(trx, municipality.id, document, { published, file: source.name });
      }
    }
    const documents: DocumentReport[] = [];
    const importId = await insertImportRun(trx, {
      municipalityId: municipality.id,
      actorLogin: actor.login,
      files: sources.map((s) => s.name),
      published,
    });
    for (const source of sources) {
      for (const document of source.documents) {
        const report = await storeDocument(trx, municipality, source, document, published, importId);
        await appendAudit(trx, actor, {
          action: published ? 'import.published' : 'import',
          entityType: 'department',
          entityId: report.departmentId,
          departmentId: report.departmentId,
          summary: describeChanges(report),
          after: { published, reviewYear: report.reviewYear, planYear: report.planYear },
        });
        documents.push(report);
        onDocument?.(report);
      }
    }
    await sealSnapshots(trx, importId);
    return { importId, municipality: { code: municipality.code, name: municipality.name }, documents };
  });
}

async function storeDocument(
  trx: Kysely<Database>,
  municipality: MunicipalityRow,
  source: ParsedSource,
  document: IchiranDocument,
  published: boolean,
  importId: number,
): Promise<DocumentReport> {
  const department = await ensureDepartment(trx, municipality.id, document.department);
  const sourceDocumentId = await insertSourceDocument(trx, {
    municipalityId: municipality.id,
    departmentId: department.id,
    reviewYear: document.review.fiscalYear,
    planYear: document.plan.fiscalYear,
    name: source.name,
    format: source.format,
    contentHash: source.contentHash,
    sizeBytes: source.sizeBytes,
    warnings: document.warnings,
  });
  const changes: BlockChange[] = [];
  let replaced = false;
  for (const block of ['review', 'plan'] as const) {
    const year = document[block];
    const fiscalYearId = await ensureFiscalYear(trx, municipality.id, year.fiscalYear);
    // Kept before the block is written, so the import can be undone (import-undo.service.ts).
    await snapshotBlock(trx, importId, { departmentId: department.id, fiscalYearId, block }, year.fiscalYear);
    const { changes: blockChanges, previousGoalCount } = await replaceBlock(trx, {
      key: { departmentId: department.id, fiscalYearId, block },
      fiscalYear: year.fiscalYear,
      municipalityId: municipality.id,
      sourceDocumentId,
      goals: year.goals,
    });
    replaced ||= previousGoalCount > 0;
    // Same transaction: search never sees a block half replaced.
    await reindexBlock(trx, { departmentId: department.id, fiscalYearId, block });
    // History the city already published (an explicit, audited choice), else a draft of the phase.
    const phase = { departmentId: department.id, fiscalYearId, phase: phaseOfBlock(block) };
    if (published) await setPhaseStatus(trx, phase, 'published', 'overwrite');
    else await setPhaseStatus(trx, phase, 'draft', 'keep');
    changes.push(...blockChanges);
  }
  // Both blocks are stored: suggest how their goals continue from and into the neighbouring years.
  await suggestLineageForTable(trx, {
    municipalityId: municipality.id,
    departmentId: department.id,
    planYear: document.plan.fiscalYear,
  });
  return {
    file: source.name,
    departmentId: department.id,
    department: document.department,
    reviewYear: document.review.fiscalYear,
    planYear: document.plan.fiscalYear,
    replaced,
    published,
    changes,
    warnings: document.warnings,
  };
}

/** An editor imports into its own department; a department that does not exist yet needs a city-wide role. */
async function authorizeImport(trx: Kysely<Database>, actor: Actor, municipalityId: number, name: string) {
  const department = await findTopDepartment(trx, municipalityId, name);
  authorize(actor, 'import.run', { municipalityId, departmentId: department?.id, departmentName: name });
}

function describeChanges(report: DocumentReport): string {
  const count = (kind: string) => report.changes.filter((c) => c.kind === kind).length;
  const as = report.published ? 'as published' : 'as draft';
  return `${report.file}: ${report.department} ${report.reviewYear}/${report.planYear} imported ${as}: ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed`;
}
