import type { Kysely } from 'kysely';
import { insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { ImportWarning } from '../../format/document.schema.ts';
import { blockPublished } from '../publication/publication.repo.ts';

export interface NewSourceDocument {
  municipalityId: number;
  departmentId: number;
  reviewYear: number;
  planYear: number;
  name: string;
  format: 'text' | 'json' | 'xlsx' | 'pdf';
  contentHash: string;
  sizeBytes: number;
  warnings: ImportWarning[];
}

export async function insertSourceDocument(db: Kysely<Database>, doc: NewSourceDocument): Promise<number> {
  const row = await db
    .insertInto('source_document')
    .values({
      municipality_id: doc.municipalityId,
      department_id: doc.departmentId,
      review_year: doc.reviewYear,
      plan_year: doc.planYear,
      name: doc.name,
      format: doc.format,
      content_hash: doc.contentHash,
      size_bytes: doc.sizeBytes,
      imported_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertBatches(
    doc.warnings.map((w, position) => ({
      source_document_id: row.id,
      position,
      line: w.line ?? null,
      message: w.message,
    })),
    (chunk) => db.insertInto('source_warning').values(chunk).execute(),
  );
  return row.id;
}

/** The warnings of the last import of this department's table for that plan year. */
export async function latestWarnings(
  db: Kysely<Database>,
  departmentId: number,
  planYear: number,
): Promise<ImportWarning[]> {
  const latest = await db
    .selectFrom('source_document')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('plan_year', '=', planYear)
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!latest) return [];
  const rows = await db
    .selectFrom('source_warning')
    .select(['line', 'message'])
    .where('source_document_id', '=', latest.id)
    .orderBy('position')
    .execute();
  return rows.map((r) => (r.line === null ? { message: r.message } : { message: r.message, line: r.line }));
}

export async function countSourceDocuments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('source_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The (block, year) pairs a department has goals in; unpublished blocks only when drafts are included. */
export function planBlockYears(db: Kysely<Database>, departmentId: number, includeDrafts: boolean) {
  let query = db
    .selectFrom('goal')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select(['goal.block', 'fiscal_year.year'])
    .where('goal.department_id', '=', departmentId);
  if (!includeDrafts) {
    query = query.where(
      blockPublished({
        department: 'goal.department_id',
        fiscalYear: 'goal.fiscal_year_id',
        block: 'goal.block',
      }),
    );
  }
  return query.groupBy(['goal.block', 'fiscal_year.year']).execute();
}
