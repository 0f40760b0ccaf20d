import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { highlight, type Segment } from './highlight.ts';
import { type LocalTerms, type MatchUse, variantCondition } from './match.repo.ts';
import { parseQuery } from './query.ts';
import { pairsByMunicipality } from './variants.repo.ts';
import { builtinVariants, type VariantDictionary, variantsWith } from './variants.ts';

/**
 * A query folded as each municipality's index is folded. Most municipalities fold with the built-in
 * dictionary alone; one whose own pairs change this query's terms gets its own terms, matched only
 * against its own entries. So a pair a city adds changes its search and no other's.
 */
export interface FoldedQuery {
  /** The terms with the built-in dictionary (what the page echoes); empty for a blank query. */
  terms: string[];
  /** The term conditions on `search_entry as e` (call only with terms). */
  condition(engine: Engine, use?: MatchUse): RawBuilder<SqlBool>;
  /** Marks the terms in a text of that municipality's entry. */
  highlight(municipalityId: number, text: string): Segment[];
}

export async function foldQuery(db: Kysely<Database>, q: string): Promise<FoldedQuery> {
  const terms = parseQuery(q);
  const dictionaries = new Map<number, VariantDictionary>();
  const local = new Map<string, LocalTerms>();
  if (terms.length > 0) {
    for (const [municipalityId, pairs] of await pairsByMunicipality(db)) {
      const dictionary = variantsWith(pairs);
      const own = parseQuery(q, dictionary);
      dictionaries.set(municipalityId, dictionary);
      if (sameTerms(own, terms)) continue;
      const key = JSON.stringify(own);
      const group = local.get(key) ?? { municipalityIds: [], terms: own };
      group.municipalityIds.push(municipalityId);
      local.set(key, group);
    }
  }
  const termsOf = new Map<number, string[]>();
  for (const group of local.values()) for (const id of group.municipalityIds) termsOf.set(id, group.terms);
  return {
    terms,
    condition: (engine, use) => variantCondition(engine, terms, [...local.values()], use),
    highlight: (municipalityId, text) =>
      highlight(
        text,
        termsOf.get(municipalityId) ?? terms,
        dictionaries.get(municipalityId) ?? builtinVariants(),
      ),
  };
}

function sameTerms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
