import type { Kysely } from 'kysely';
import { nowIso } from '../db/clock.ts';
import type { Database } from '../db/schema.ts';
import { type VariantDictionary, type VariantPair, variantsWith } from './variants.ts';

export interface StoredVariantPair extends VariantPair {
  id: number;
  createdAt: string;
}

/** A municipality's own pairs, in the order they were added (which decides merged groups). */
export async function listVariantPairs(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<StoredVariantPair[]> {
  const rows = await db
    .selectFrom('search_variant')
    .select(['id', 'variant', 'canonical', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, variant: r.variant, canonical: r.canonical, createdAt: r.created_at }));
}

/** Every municipality's pairs, for a search across cities: only those with pairs appear. */
export async function pairsByMunicipality(db: Kysely<Database>): Promise<Map<number, VariantPair[]>> {
  const rows = await db
    .selectFrom('search_variant')
    .select(['municipality_id', 'variant', 'canonical'])
    .orderBy('municipality_id')
    .orderBy('id')
    .execute();
  const out = new Map<number, VariantPair[]>();
  for (const r of rows) {
    const list = out.get(r.municipality_id) ?? [];
    list.push({ variant: r.variant, canonical: r.canonical });
    out.set(r.municipality_id, list);
  }
  return out;
}

/** The dictionary a municipality's search keys are folded with. */
export async function municipalityVariants(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<VariantDictionary> {
  return variantsWith(await listVariantPairs(db, municipalityId));
}

export async function insertVariantPair(
  db: Kysely<Database>,
  municipalityId: number,
  pair: VariantPair,
): Promise<StoredVariantPair> {
  const row = await db
    .insertInto('search_variant')
    .values({
      municipality_id: municipalityId,
      variant: pair.variant,
      canonical: pair.canonical,
      created_at: nowIso(),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, createdAt: row.created_at, ...pair };
}

/** Removes one pair of this municipality; undefined when it has no such pair. */
export async function deleteVariantPair(
  db: Kysely<Database>,
  municipalityId: number,
  id: number,
): Promise<VariantPair | undefined> {
  return db
    .deleteFrom('search_variant')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returning(['variant', 'canonical'])
    .executeTakeFirst();
}
