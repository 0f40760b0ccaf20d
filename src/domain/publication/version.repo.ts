import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The publication version of a municipality (or of the whole service, for pages that list every city): the
 * newest event of its append-only audit trail. Every change that can reach a public page (publish, withdraw,
 * import, settings, grade scales, organisation) is audited in the transaction that makes it, so the version
 * moves whenever public output may have changed, and every app server reads the same number.
 */
export interface PublicationVersion {
  /** The newest audit event's id, 0 when there is none. */
  id: number;
  /** When it was written (ISO-8601 UTC), undefined when there is none. */
  at: string | undefined;
}

export async function publicationVersion(
  db: Kysely<Database>,
  municipalityCode?: string,
): Promise<PublicationVersion> {
  let query = db.selectFrom('audit_event as a').select(['a.id', 'a.at']).orderBy('a.id', 'desc').limit(1);
  if (municipalityCode !== undefined) {
    query = query
      .innerJoin('municipality as m', 'm.id', 'a.municipality_id')
      .where('m.code', '=', municipalityCode);
  }
  const row = await query.executeTakeFirst();
  return row ? { id: Number(row.id), at: row.at } : { id: 0, at: undefined };
}
