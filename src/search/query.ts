import { foldWith } from './fold.ts';
import type { VariantDictionary } from './variants.ts';

/** Longer input is cut: a search box needs no more, and every term costs an index probe. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;

/**
 * The user's query as folded search terms: folded as a whole (so `ｶﾞ` composes and the dash rule
 * sees its neighbour), split at whitespace (half- or full-width), duplicates dropped. Terms are
 * ANDed; a municipality's dictionary folds them as its index was folded. The terms are plain text — never query syntax — whatever characters they hold.
 */
export function parseQuery(q: string, dictionary?: VariantDictionary): string[] {
  // Control characters (a NUL from a pasted or crafted URL) separate terms like spaces: FTS5
  // cannot match across them.
  const terms = foldWith(q.slice(0, MAX_QUERY_LENGTH), dictionary)
    .split(/[\s\p{Cc}]+/u)
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** Length in characters (code points), which is what trigram and bigram indexes count. */
export function charLength(term: string): number {
  return [...term].length;
}
