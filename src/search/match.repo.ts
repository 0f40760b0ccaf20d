import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Engine } from '../db/database.ts';
import { gramToken } from './entries.ts';
import { charLength } from './query.ts';

/** All SQL of matching a folded query against `search_entry as e`, on either engine. */

/**
 * How a page query uses the term conditions: `index` lets the full-text indexes find the matching
 * entries (then they are sorted); `filter` only tests each entry met while walking the display-order
 * index (search_entry_display), which is cheaper once the hits are many: the walk stops after the page.
 * SQLite is told which (its planner cannot estimate FTS5 matches); PostgreSQL's planner chooses.
 */
export type MatchUse = 'index' | 'filter';

/**
 * SQL conditions (on `search_entry as e`) that hold when the folded key contains every term.
 * By term length, measured in bench/search.bench.ts:
 * - 3+ characters: the trigram index (SQLite FTS5 MATCH; PostgreSQL pg_trgm GIN with LIKE);
 * - 2 characters: the bigram token index (SQLite FTS5 `ascii` table; PostgreSQL GIN over the array);
 * - 1 character: a scan (instr / LIKE): any index would return most rows anyway.
 */
export function termConditions(
  engine: Engine,
  terms: string[],
  use: MatchUse = 'index',
): Array<RawBuilder<SqlBool>> {
  const long = terms.filter((t) => charLength(t) >= 3);
  const pairs = terms.filter((t) => charLength(t) === 2).map(gramToken);
  const single = terms.filter((t) => charLength(t) === 1);
  return engine === 'sqlite'
    ? sqliteConditions(long, pairs, single, use)
    : postgresConditions(long, pairs, single);
}

/** An FTS5 string literal: inside double quotes every character is text (`"` is doubled). */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function sqliteConditions(
  long: string[],
  pairs: string[],
  single: string[],
  use: MatchUse,
): Array<RawBuilder<SqlBool>> {
  // `+e.id` is not the rowid column to the planner: the matches become a set each walked entry is
  // looked up in, instead of the rows the query starts from.
  const id = use === 'index' ? sql`e.id` : sql`+e.id`;
  const conditions: Array<RawBuilder<SqlBool>> = [];
  if (long.length > 0) {
    const match = long.map(ftsString).join(' AND ');
    conditions.push(sql<SqlBool>`${id} in (select rowid from search_fts where search_fts match ${match})`);
  }
  if (pairs.length > 0) {
    const match = pairs.map(ftsString).join(' AND ');
    conditions.push(
      sql<SqlBool>`${id} in (select rowid from search_bigram where search_bigram match ${match})`,
    );
  }
  for (const term of single) conditions.push(sql<SqlBool>`instr(e.folded, ${term}) > 0`);
  return conditions;
}

/** A LIKE pattern matching `text` anywhere, with `\`, `%` and `_` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * PostgreSQL gets the same conditions either way: its planner estimates LIKE and array containment
 * from column statistics and itself chooses between walking the display-order index (many hits) and
 * sorting what the GIN indexes find (few), per page.
 */
function postgresConditions(long: string[], pairs: string[], single: string[]): Array<RawBuilder<SqlBool>> {
  const conditions = [...long, ...single].map(
    (term) => sql<SqlBool>`e.folded like ${containsPattern(term)} escape '\\'`,
  );
  // The expression must be exactly the index's for the planner to use it.
  if (pairs.length > 0) conditions.push(sql<SqlBool>`string_to_array(e.grams, ' ') @> ${pairs}::text[]`);
  return conditions;
}

function allOf(engine: Engine, terms: string[], use: MatchUse): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(termConditions(engine, terms, use), sql` and `)})`;
}

/** Terms of the municipalities whose own variant pairs fold the query differently. */
export interface LocalTerms {
  municipalityIds: number[];
  terms: string[];
}

/**
 * Every term on the entries of municipalities folding with the built-in dictionary; each group of
 * `local` municipalities matches its own terms on its own entries only.
 */
export function variantCondition(
  engine: Engine,
  terms: string[],
  local: LocalTerms[],
  use: MatchUse = 'index',
): RawBuilder<SqlBool> {
  if (local.length === 0) return allOf(engine, terms, use);
  const localIds = local.flatMap((g) => g.municipalityIds);
  const branches = [
    sql<SqlBool>`(e.municipality_id not in (${sql.join(localIds)}) and ${allOf(engine, terms, use)})`,
    ...local.map(
      (g) =>
        sql<SqlBool>`(e.municipality_id in (${sql.join(g.municipalityIds)}) and ${allOf(engine, g.terms, use)})`,
    ),
  ];
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}
