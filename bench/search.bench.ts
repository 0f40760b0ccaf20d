/**
 * Search latency on a generated corpus, on the engine DATABASE_URL names (SQLite when unset):
 *   npx tsx bench/search.bench.ts [--departments 20] [--years 10] [--compare]
 *   npx tsx bench/search.bench.ts --entries 100000
 *   DATABASE_URL=postgres://…/mokuhyo_bench --keep npx tsx bench/search.bench.ts --municipalities 100 --entries 1000000
 * Prints p50/p95 of the full public search (capped count + one page + highlight) for 2-character
 * and 3+-character queries, two terms, the grade filter, the last page of a capped result and the
 * filter lists (facets). --entries sets the departments per municipality (8 goals of 15 items, both
 * blocks, --years years). --keep uses the database DATABASE_URL names as it is (made and dropped by
 * you), generating the corpus only when it holds none, so a large corpus is made once.
 * --compare also times bare match counts of the alternative strategies.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { openDatabase, parseDatabaseUrl } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { gramsOf } from '../src/search/entries.ts';
import { searchFacets } from '../src/search/facets.ts';
import { refreshAllGrades, refreshMunicipalityGrades } from '../src/search/grade-index.ts';
import { containsPattern, ftsString, termConditions } from '../src/search/match.repo.ts';
import { COUNT_CAP, PAGE_SIZE, search } from '../src/search/search.service.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { entriesPerDepartmentYear, generateCorpus } from './search-corpus.ts';

const { values: args } = parseArgs({
  options: {
    municipalities: { type: 'string', default: '1' },
    departments: { type: 'string', default: '20' },
    entries: { type: 'string' },
    keep: { type: 'boolean', default: false },
    years: { type: 'string', default: '10' },
    runs: { type: 'string', default: '20' },
    compare: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const SHORT = ['移住', '寄附', '相談', '開催', '健診', '施設'];
const LONG = ['移住相談', 'ふるさと納税', 'line@', '受診率', '地域自治センター', '存在しない語句'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

async function time(
  label: string,
  queries: string[],
  run: (q: string) => Promise<number | string>,
): Promise<void> {
  const all: number[] = [];
  const perQuery: string[] = [];
  for (const q of queries) {
    const hits = await run(q); // warm-up, and the hit count
    const ms: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      await run(q);
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    all.push(...ms);
    perQuery.push(`${q}:${hits}@${percentile(ms, 0.5).toFixed(1)}`);
  }
  all.sort((a, b) => a - b);
  const p50 = percentile(all, 0.5).toFixed(2);
  const p95 = percentile(all, 0.95).toFixed(2);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `${label.padEnd(44)} p50 ${p50.padStart(7)} ms  p95 ${p95.padStart(7)} ms  [load ${load}]   ${perQuery.join(' ')}`,
  );
}

type Condition = (q: string) => RawBuilder<SqlBool>;

async function countWhere(
  db: Kysely<Database>,
  condition: RawBuilder<SqlBool>,
  setup?: string,
): Promise<number> {
  const run = async (trx: Kysely<Database>) => {
    if (setup) await sql.raw(setup).execute(trx);
    const row = await trx
      .selectFrom('search_entry as e')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(condition)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return setup ? db.transaction().execute(run) : run(db);
}

const bigramTokens = (q: string) => gramsOf(q).split(' ');

async function compareSqlite(db: Kysely<Database>): Promise<void> {
  const instr: Condition = (q) => sql<SqlBool>`instr(e.folded, ${q}) > 0`;
  const bigram: Condition = (q) =>
    sql<SqlBool>`e.id in (select rowid from search_bigram where search_bigram match ${bigramTokens(q)
      .map(ftsString)
      .join(' AND ')})`;
  const trigram: Condition = (q) =>
    sql<SqlBool>`e.id in (select rowid from search_fts where search_fts match ${ftsString(q)})`;
  const likeFts: Condition = (q) =>
    sql<SqlBool>`e.id in (select rowid from search_fts where folded like ${containsPattern(q)} escape '\\')`;
  await time('2 chars: bigram FTS5 side index [chosen]', SHORT, (q) => countWhere(db, bigram(q)));
  await time('2 chars: instr() scan', SHORT, (q) => countWhere(db, instr(q)));
  await time('2 chars: LIKE on the trigram table (scan)', SHORT, (q) => countWhere(db, likeFts(q)));
  await time('3+ chars: trigram MATCH [chosen]', LONG, (q) => countWhere(db, trigram(q)));
  await time('3+ chars: instr() scan', LONG, (q) => countWhere(db, instr(q)));
  await time('3+ chars: bigram AND + instr()', LONG, (q) =>
    countWhere(db, sql<SqlBool>`${bigram(q)} and ${instr(q)}`),
  );
}

async function comparePostgres(db: Kysely<Database>): Promise<void> {
  await sql`create index bench_tsv on search_entry using gin (to_tsvector('simple', grams))`.execute(db);
  await sql`vacuum analyze search_entry`.execute(db);
  const like: Condition = (q) => sql<SqlBool>`e.folded like ${containsPattern(q)} escape '\\'`;
  const grams: Condition = (q) => sql<SqlBool>`string_to_array(e.grams, ' ') @> ${bigramTokens(q)}::text[]`;
  const tsv: Condition = (q) =>
    sql<SqlBool>`to_tsvector('simple', e.grams) @@ to_tsquery('simple', ${bigramTokens(q).join(' & ')})`;
  const noIndex = 'set local enable_bitmapscan = off; set local enable_indexscan = off';
  const noSeq = 'set local enable_seqscan = off';
  await time('2 chars: bigram text[] GIN [chosen]', SHORT, (q) => countWhere(db, grams(q)));
  await time('2 chars: LIKE, planner (seq scan)', SHORT, (q) => countWhere(db, like(q)));
  await time('2 chars: LIKE, pg_trgm GIN forced', SHORT, (q) => countWhere(db, like(q), noSeq));
  await time("2 chars: tsvector 'simple' over bigrams", SHORT, (q) => countWhere(db, tsv(q)));
  await time('3+ chars: LIKE, pg_trgm GIN [chosen]', LONG, (q) => countWhere(db, like(q)));
  await time('3+ chars: LIKE, plain scan', LONG, (q) => countWhere(db, like(q), noIndex));
  await time('3+ chars: bigram text[] GIN + LIKE', LONG, (q) =>
    countWhere(db, sql<SqlBool>`${grams(q)} and ${like(q)}`),
  );
  await time("3+ chars: tsvector 'simple' bigrams + LIKE", LONG, (q) =>
    countWhere(db, sql<SqlBool>`${tsv(q)} and ${like(q)}`),
  );
}

/**
 * The grade filter, and what keeping grades costs. The corpus has no numbers to evaluate, so its
 * entries are labelled as a graded city's would be (all but the newest year, search-corpus.ts); the
 * refresh is timed on the demo city, whose years are really evaluated.
 */
async function benchGrades(db: TestDb, withDemo: boolean): Promise<void> {
  const graded = (q: string) => search(db.kysely, { q, grade: '未達成' }).then(hitCount);
  await time('search(): 2-char queries, grade filter', SHORT, graded);
  await time('search(): 3+-char queries, grade filter', LONG, graded);
  if (!withDemo) return;
  await loadDemo(db.kysely);
  const demo = await db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'minatodai')
    .executeTakeFirstOrThrow();
  for (const [label, refresh] of [
    ['the demo city', (trx: Kysely<Database>) => refreshMunicipalityGrades(trx, demo.id)],
    ['everything (corpus + demo)', (trx: Kysely<Database>) => refreshAllGrades(trx)],
  ] as const) {
    const started = performance.now();
    const years = await db.kysely.transaction().execute(refresh);
    const ms = performance.now() - started;
    console.log(
      `refreshGrades, ${label}: ${years} department years in ${ms.toFixed(0)} ms (${(ms / years).toFixed(1)} ms each)`,
    );
  }
}

/**
 * PostgreSQL: loads the corpus with search_entry's secondary indexes dropped and then builds them
 * again from their own definitions (pg_indexes), as a bulk load would; GIN indexes are far quicker
 * to build at once than to grow row by row. SQLite keeps its FTS5 triggers.
 */
async function withoutSearchIndexes<T>(db: TestDb, work: () => Promise<T>): Promise<T> {
  if (db.engine !== 'postgres') return work();
  const { rows } = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef
    from pg_indexes where tablename = 'search_entry' and indexname <> 'search_entry_pkey'`.execute(db.kysely);
  for (const { indexname } of rows) await sql`drop index ${sql.id(indexname)}`.execute(db.kysely);
  const result = await work();
  const started = performance.now();
  await db.kysely.connection().execute(async (connection) => {
    await sql`set maintenance_work_mem = '256MB'`.execute(connection);
    for (const { indexdef } of rows) await sql.raw(indexdef).execute(connection);
  });
  console.error(`  ${rows.length} indexes built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return result;
}

/** The hit count as the page shows it: `1000+` once counting stopped. */
const hitCount = (r: { total: number; capped: boolean }) => (r.capped ? `${r.total}+` : String(r.total));

async function openBenchDb(): Promise<TestDb> {
  if (!args.keep) return createTestDb();
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const db = openDatabase(target);
  await migrateToLatest(db.kysely);
  return { ...db, url: process.env.DATABASE_URL ?? '' };
}

const db = await openBenchDb();
try {
  const municipalities = Number(args.municipalities);
  const years = Number(args.years);
  const shape = { goals: 8, items: 15 };
  const departments =
    args.entries === undefined
      ? Number(args.departments)
      : Math.max(
          1,
          Math.round(Number(args.entries) / (municipalities * years * entriesPerDepartmentYear(shape))),
        );
  const stored = await db.kysely
    .selectFrom('search_entry')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const started = performance.now();
  let entries = Number(stored.n);
  if (entries === 0) {
    entries = await withoutSearchIndexes(db, () =>
      generateCorpus(db.kysely, { municipalities, departments, years, ...shape }, (done, made) => {
        if (done % 10 === 0 || done === municipalities)
          console.error(
            `  ${done}/${municipalities} municipalities, ${made} entries, ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  // Steady state: VACUUM merges the GIN pending lists, as autovacuum does after an import.
  if (db.engine === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  else await sql`analyze`.execute(db.kysely);
  console.log(
    `${db.engine}: ${entries} entries (${municipalities} municipalities × ${departments} departments × ${years} years) stored and indexed in ${seconds.toFixed(1)} s; ${RUNS} runs/query; count cap ${COUNT_CAP}`,
  );
  console.log('(per query: term:hits@p50 ms; 1000+ = more than the cap)');
  const full = (q: string) => search(db.kysely, { q }).then(hitCount);
  await time('search(): 2-char queries', SHORT, full);
  await time('search(): 3+-char queries', LONG, full);
  await time('search(): two terms (2 + 3+ chars)', ['移住 相談会', '寄附 ポータル', '健診 受診率'], full);
  const lastPage = COUNT_CAP / PAGE_SIZE;
  await time(`search(): 2-char queries, page ${lastPage}`, SHORT, (q) =>
    search(db.kysely, { q, page: lastPage }).then((r) => `${hitCount(r)}p${r.page}`),
  );
  await time('search(): 2-char queries, one municipality', SHORT, (q) =>
    search(db.kysely, { q, municipality: municipalities === 1 ? 'bench' : 'bench001' }).then(hitCount),
  );
  await time('searchFacets() (the filter lists)', ['-'], () =>
    searchFacets(db.kysely).then((f) => `${f.years.length}y/${f.departments.length}d/${f.grades.length}g`),
  );
  await benchGrades(db, !args.keep);
  if (args.compare) {
    console.log('bare match counts (select count(*) … where <strategy>):');
    if (db.engine === 'sqlite') await compareSqlite(db.kysely);
    else await comparePostgres(db.kysely);
    // Sanity: the chosen strategy finds what a scan finds.
    for (const q of [...SHORT, ...LONG]) {
      const chosen = termConditions(db.engine, [q])[0];
      const scan = sql<SqlBool>`e.folded like ${containsPattern(q)} escape '\\'`;
      if (chosen && (await countWhere(db.kysely, chosen)) !== (await countWhere(db.kysely, scan)))
        throw new Error(`strategy and scan disagree on ${q}`);
    }
  }
} finally {
  await db.destroy();
}
