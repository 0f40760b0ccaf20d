import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { canAnywhere, forbidden } from '../../domain/auth/policy.ts';
import { getMunicipalityById } from '../../domain/municipalities/municipality.repo.ts';
import { AppError } from '../../errors.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { type ImportResult, importSources } from '../import.service.ts';
import { PARSE_BUDGET, type ParseBudget, readSourceIsolated } from '../isolated/read-isolated.ts';
import type { ParsedSource } from '../read-source.ts';
import {
  deletePendingImport,
  deletePendingImportByToken,
  deleteStalePendingImports,
  findPendingImport,
  insertPendingImport,
} from './pending-import.repo.ts';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface PendingImport {
  token: string;
  name: string;
  bytes: Uint8Array;
  source: ParsedSource;
}

/** Anyone who may import somewhere (an editor for its department, planning city-wide) may upload. */
function assertMayImport(actor: Actor): void {
  if (!canAnywhere(actor, 'import.run'))
    throw forbidden(actor, 'import.run', { municipalityId: actor.municipalityId });
}

/**
 * Parses first (a bad file never waits), then keeps the bytes until the person confirms. Uploads
 * are parsed off the event loop, within a budget (read-isolated.ts).
 */
export async function stagePendingImport(
  db: Kysely<Database>,
  actor: Actor,
  name: string,
  bytes: Uint8Array,
  budget: ParseBudget = PARSE_BUDGET,
): Promise<PendingImport> {
  assertMayImport(actor);
  const source = await readSourceIsolated(name, bytes, budget);
  const token = randomBytes(18).toString('base64url');
  await deleteStalePendingImports(db, new Date(Date.now() - MAX_AGE_MS).toISOString());
  await insertPendingImport(db, {
    token,
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    name,
    bytes,
  });
  return { token, name, bytes, source };
}

export async function loadPendingImport(
  db: Kysely<Database>,
  actor: Actor,
  token: string,
): Promise<PendingImport> {
  const row = await findPendingImport(db, actor.userId, token);
  if (!row)
    throw new AppError('NOT_FOUND', 'この取り込みは見つかりません（期限切れか、別の利用者のものです）。');
  return { token, name: row.name, bytes: row.bytes, source: await readSourceIsolated(row.name, row.bytes) };
}

/**
 * The stored file of this person's waiting upload, not read again (for its page images). The same
 * rule as loadPendingImport: anyone else's token, or an old one, is simply not found.
 */
export async function loadPendingUpload(
  db: Kysely<Database>,
  actor: Actor,
  token: string,
): Promise<{ token: string; name: string; bytes: Uint8Array }> {
  const row = await findPendingImport(db, actor.userId, token);
  if (!row) throw nothingWaiting();
  return { token, name: row.name, bytes: row.bytes };
}

export interface Corrections {
  department?: string;
  planYear?: number;
}

/** The person may correct the department and the years the file named before it is stored. */
export function applyCorrections(doc: IchiranDocument, corrections: Corrections): IchiranDocument {
  const planYear = corrections.planYear ?? doc.plan.fiscalYear;
  return {
    ...doc,
    department: corrections.department?.trim() || doc.department,
    review: { ...doc.review, fiscalYear: planYear - 1 },
    plan: { ...doc.plan, fiscalYear: planYear },
  };
}

/** What the person chose on the preview: the import service checks the role for `published`. */
export interface ImportChoices {
  published?: boolean;
  allowYear?: boolean;
}

export async function confirmPendingImport(
  db: Kysely<Database>,
  actor: Actor,
  token: string,
  corrections: Corrections,
  choices: ImportChoices = {},
): Promise<ImportResult> {
  const pending = await loadPendingImport(db, actor, token);
  const municipality = await getMunicipalityById(db, actor.municipalityId);
  const documents =
    pending.source.documents.length === 1
      ? pending.source.documents.map((d) => applyCorrections(d, corrections))
      : pending.source.documents;
  const result = await importSources(db, [{ ...pending.source, documents }], {
    municipality: municipality.code,
    actor,
    published: choices.published ?? false,
    allowYear: choices.allowYear ?? false,
  });
  await deletePendingImportByToken(db, token);
  return result;
}

/** The person excluded this file from a several-file upload: it is never stored. */
export async function discardPendingImport(db: Kysely<Database>, actor: Actor, token: string): Promise<void> {
  // Only the person's own waiting upload: anyone else's token (or an old one) is simply not found.
  if ((await deletePendingImport(db, actor.userId, token)) === 0) throw nothingWaiting();
}

/** No upload of this person waits under that token (already stored, excluded, expired, or not theirs). */
export function nothingWaiting(): AppError {
  return new AppError(
    'NOT_FOUND',
    '取り込み待ちのファイルが見つかりません。取り込み済みか、期限が切れています。もう一度アップロードしてください。',
  );
}
