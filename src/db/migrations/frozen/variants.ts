/*
 * FROZEN COPY for migration 20261124000000_search (its backfill), taken from src/search/variants.ts on
 * 2026-12-04. Migrations are immutable in behaviour, so this never follows the live module: do not
 * edit it. Keys it writes are brought to the current folding by the application (search_fold_version
 * on municipality, src/search/refold.repo.ts).
 */
import { type FoldedText, foldChars } from './char-fold.ts';
import { VARIANT_GROUPS } from './variants.data.ts';

/**
 * The 表記ゆれ dictionary as folding uses it: each variant (character-folded) → the form its group
 * folds to. Applied after character folding, left to right, longest variant first at each place,
 * in one pass: the same function folds the index and the query, so both see the same key.
 */
export interface VariantDictionary {
  readonly map: ReadonlyMap<string, string>;
  /** Lengths (UTF-16 units) of the variants, longest first; the first characters of all of them. */
  readonly lengths: readonly number[];
  readonly firstChars: ReadonlySet<string>;
}

/** Folds an already character-folded text through the dictionary, keeping the offset map. */
export function applyVariants(input: FoldedText, dictionary: VariantDictionary): FoldedText {
  if (dictionary.map.size === 0) return input;
  const { text } = input;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const replaced = dictionary.firstChars.has(text[i] ?? '') ? longestAt(text, i, dictionary) : undefined;
    if (replaced) {
      const start = input.starts[i] ?? 0;
      const end = input.ends[i + replaced.length - 1] ?? start;
      for (let k = 0; k < replaced.canonical.length; k++) {
        starts.push(start);
        ends.push(end);
      }
      out += replaced.canonical;
      i += replaced.length;
    } else {
      out += text[i];
      starts.push(input.starts[i] ?? 0);
      ends.push(input.ends[i] ?? 0);
      i += 1;
    }
  }
  return { text: out, starts, ends };
}

function longestAt(
  text: string,
  at: number,
  dictionary: VariantDictionary,
): { length: number; canonical: string } | undefined {
  for (const length of dictionary.lengths) {
    if (at + length > text.length) continue;
    const canonical = dictionary.map.get(text.slice(at, at + length));
    if (canonical !== undefined) return { length, canonical };
  }
  return undefined;
}

function dictionaryOf(map: Map<string, string>): VariantDictionary {
  const lengths = [...new Set([...map.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const firstChars = new Set([...map.keys()].map((k) => k[0] ?? ''));
  return { map, lengths, firstChars };
}

/**
 * Groups → dictionary. Groups sharing a form merge (a municipality's pair may join two built-in
 * groups); a merged group folds to the first form of its earliest group. The canonical forms are
 * then folded through the dictionary itself until stable, so a canonical that holds another
 * group's variant (ゴミ箱 holds ゴミ) folds to what the text ゴミ箱 folds to.
 */
function buildDictionary(groups: readonly (readonly string[])[]): VariantDictionary {
  const parent = new Map<string, string>();
  const find = (form: string): string => {
    let root = form;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(form, root);
    return root;
  };
  const order: string[] = [];
  const rank = new Map<string, number>();
  for (const group of groups) {
    const forms = group.map(foldChars).filter((f) => f.length > 0);
    for (const form of forms) {
      if (!parent.has(form)) {
        parent.set(form, form);
        rank.set(form, order.length);
        order.push(form);
      }
    }
    const [first, ...rest] = forms;
    if (first === undefined) continue;
    for (const form of rest) {
      const a = find(first);
      const b = find(form);
      if (a === b) continue;
      // The root seen first stays the group's canonical form.
      const [keep, drop] = (rank.get(a) ?? 0) < (rank.get(b) ?? 0) ? [a, b] : [b, a];
      parent.set(drop, keep);
    }
  }
  const map = new Map<string, string>();
  for (const form of order) {
    const root = find(form);
    if (root !== form) map.set(form, root);
  }
  const dictionary = dictionaryOf(map);
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const [variant, canonical] of map) {
      const folded = foldWith(canonical, dictionary);
      if (folded !== canonical) {
        map.set(variant, folded);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return dictionary;
}

function foldWith(text: string, dictionary: VariantDictionary): string {
  const units = [...Array(text.length).keys()];
  return applyVariants({ text, starts: units, ends: units }, dictionary).text;
}

let builtin: VariantDictionary | undefined;

/** The built-in dictionary (variants.data.ts), built once. */
export function builtinVariants(): VariantDictionary {
  builtin ??= buildDictionary(VARIANT_GROUPS);
  return builtin;
}
