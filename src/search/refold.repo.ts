import { type Kysely, sql } from 'kysely';
import { chunked } from '../db/batch.ts';
import type { Database } from '../db/schema.ts';
import { gramsOf, searchKeyOf } from './entries.ts';
import { municipalityVariants } from './variants.repo.ts';
import { builtinFingerprint, type VariantDictionary } from './variants.ts';

export interface RefoldResult {
  scanned: number;
  changed: number;
}

interface Changed {
  id: number;
  folded: string;
  grams: string;
}

/**
 * Folds a municipality's search entries again with its dictionary, writing only the keys that
 * changed. Runs in the caller's transaction (a pair added or removed, a newer built-in dictionary):
 * a query is folded with the current dictionary, so keys folded with another would miss.
 * The texts come from search_entry itself, which holds them as stored, so no block is reloaded.
 */
export async function refoldMunicipality(
  db: Kysely<Database>,
  municipalityId: number,
  dictionary: VariantDictionary,
): Promise<RefoldResult> {
  const rows = await db
    .selectFrom('search_entry')
    .select(['id', 'goal_title', 'item_id', 'unit_name', 'item_text', 'note', 'folded'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const changed: Changed[] = [];
  for (const r of rows) {
    const folded =
      r.item_id === null
        ? searchKeyOf([r.goal_title], dictionary)
        : searchKeyOf([r.unit_name, r.item_text, r.note], dictionary);
    if (folded !== r.folded) changed.push({ id: r.id, folded, grams: gramsOf(folded) });
  }
  await updateKeys(db, changed);
  return { scanned: rows.length, changed: changed.length };
}

/**
 * One UPDATE per piece: `case id when ? then ? … end` for both keys and `id in (…)`, 5 parameters
 * a row, pieces cut by the batch helper so no statement binds more than MAX_PARAMETERS.
 */
async function updateKeys(db: Kysely<Database>, changed: Changed[]): Promise<void> {
  for (const piece of chunked(changed, 5)) {
    const caseOf = (value: (c: Changed) => string) =>
      sql<string>`case ${sql.ref('id')} ${sql.join(
        piece.map((c) => sql`when ${c.id} then ${value(c)}`),
        sql` `,
      )} end`;
    await db
      .updateTable('search_entry')
      .set({ folded: caseOf((c) => c.folded), grams: caseOf((c) => c.grams) })
      .where(
        'id',
        'in',
        piece.map((c) => c.id),
      )
      .execute();
  }
}

/**
 * Refolds every municipality whose keys were folded with another built-in dictionary (or before
 * there was one), and records the current one. Entry points call it after migrating.
 */
export async function refoldStale(db: Kysely<Database>): Promise<number> {
  const version = builtinFingerprint();
  const stale = await db
    .selectFrom('municipality')
    .select('id')
    .where((eb) => eb.or([eb('search_fold_version', 'is', null), eb('search_fold_version', '!=', version)]))
    .execute();
  for (const { id } of stale) {
    await db.transaction().execute(async (trx) => {
      await refoldMunicipality(trx, id, await municipalityVariants(trx, id));
      await trx
        .updateTable('municipality')
        .set({ search_fold_version: version })
        .where('id', '=', id)
        .execute();
    });
  }
  return stale.length;
}
