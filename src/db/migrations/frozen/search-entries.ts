/*
 * FROZEN COPY for migration 20261124000000_search (its backfill), taken from src/search/entries.ts
 * and fold.ts on 2026-12-04. Migrations are immutable in behaviour, so this never follows the live
 * module: do not edit it. Keys it writes are brought to the current folding by the application
 * (search_fold_version on municipality, src/search/refold.repo.ts).
 */
import { foldCharsWithMap } from './char-fold.ts';
import { applyVariants, builtinVariants, type VariantDictionary } from './variants.ts';

type BlockKind = 'review' | 'plan';

/** fold.ts foldWith: character folding, then the dictionary (the built-in one by default). */
function foldWith(text: string, dictionary: VariantDictionary = builtinVariants()): string {
  return applyVariants(foldCharsWithMap(text), dictionary).text;
}

/**
 * One search entry per goal title and one per item. The entry keeps the original texts (for display
 * and highlighting) and two derived keys: `folded` (fold.ts) and `grams`, the folded key's distinct
 * character bigrams as tokens, for queries too short for a trigram index.
 */
export interface EntrySource {
  municipalityId: number;
  departmentId: number;
  fiscalYearId: number;
  year: number;
  block: BlockKind;
  goal: { id: number; no: number; position: number; title: string };
  item?: {
    id: number;
    no: number;
    position: number;
    unitName: string | null;
    text: string;
    note: string | null;
  };
}

/** A search_entry row as this migration inserts it (the table as it created it). */
export interface EntryRow {
  municipality_id: number;
  department_id: number;
  fiscal_year_id: number;
  year: number;
  block: BlockKind;
  goal_id: number;
  goal_no: number;
  goal_position: number;
  goal_title: string;
  item_id: number | null;
  item_no: number | null;
  item_position: number | null;
  unit_name: string | null;
  item_text: string | null;
  note: string | null;
  folded: string;
  grams: string;
}

/** Fields are joined by a newline: query terms never hold whitespace, so no match spans two fields. */
export const FIELD_SEPARATOR = '\n';

/**
 * A bigram as one ASCII token (each code point in base 36, 4 digits), so that SQLite's `ascii`
 * tokenizer keeps it whole whatever the characters are (`@`, `~`, spaces), and PostgreSQL can hold
 * the same tokens in a text array.
 */
export function gramToken(bigram: string): string {
  return [...bigram].map((ch) => (ch.codePointAt(0) ?? 0).toString(36).padStart(4, '0')).join('');
}

/** Distinct bigrams of a folded key, skipping the ones with whitespace (no query term has any). */
export function gramsOf(folded: string): string {
  const chars = [...folded];
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = `${chars[i]}${chars[i + 1]}`;
    if (!/\s/u.test(bigram)) tokens.add(gramToken(bigram));
  }
  return [...tokens].join(' ');
}

export function searchKeyOf(
  fields: Array<string | null | undefined>,
  dictionary?: VariantDictionary,
): string {
  return fields
    .filter((f): f is string => Boolean(f))
    .map((field) => foldWith(field, dictionary))
    .join(FIELD_SEPARATOR);
}

/** `dictionary`: the municipality's (variantsWith); the built-in one where it has no pairs. */
export function entryRow(source: EntrySource, dictionary?: VariantDictionary): EntryRow {
  const { goal, item } = source;
  const folded = item
    ? searchKeyOf([item.unitName, item.text, item.note], dictionary)
    : searchKeyOf([goal.title], dictionary);
  return {
    municipality_id: source.municipalityId,
    department_id: source.departmentId,
    fiscal_year_id: source.fiscalYearId,
    year: source.year,
    block: source.block,
    goal_id: goal.id,
    goal_no: goal.no,
    goal_position: goal.position,
    goal_title: goal.title,
    item_id: item?.id ?? null,
    item_no: item?.no ?? null,
    item_position: item?.position ?? null,
    unit_name: item?.unitName ?? null,
    item_text: item?.text ?? null,
    note: item?.note ?? null,
    folded,
    grams: gramsOf(folded),
  };
}
