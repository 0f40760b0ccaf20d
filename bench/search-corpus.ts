/**
 * A generated corpus for bench/search.bench.ts: municipalities × departments × fiscal years × both
 * blocks, stored in the same tables, with the same search entries, as an import. Texts mix real phrases (demo data and the
 * seed) with filler words drawn from their character set, so real words are as selective as in
 * years of real tables (移住 in a few percent of entries), not in every other one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { insertBatches } from '../src/db/batch.ts';
import { nowIso } from '../src/db/clock.ts';
import type { BlockKind, Database } from '../src/db/schema.ts';
import { type EntryRow, entryRow } from '../src/search/entries.ts';

const SEED = new URL('../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
const DEMO = new URL('../src/demo/data/minatodai/', import.meta.url);

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 59 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function realStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const name of readdirSync(DEMO)) walk(JSON.parse(readFileSync(new URL(name, DEMO), 'utf8')));
  if (existsSync(SEED)) out.push(...readFileSync(SEED, 'utf8').split('\n'));
  return out;
}

export function textGenerator(seed = 20240401): () => string {
  const random = rng(seed);
  const strings = realStrings();
  const phrases = strings
    .flatMap((s) => s.split(/[\s\t、。]+/u))
    .filter((p) => p.length >= 2 && p.length < 40);
  const chars = [...strings.join('')].filter((c) =>
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c),
  );
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const filler = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(chars)).join('');
  return () =>
    Array.from({ length: 6 + Math.floor(random() * 9) }, () =>
      random() < 0.2 ? pick(phrases) : filler(),
    ).join(' ');
}

export interface CorpusSize {
  /** Municipalities, each with the same departments and years (default 1). */
  municipalities?: number;
  departments: number;
  years: number;
  goals: number;
  items: number;
}

/** Entries one department's year makes: both blocks, each goal's title and its items. */
export function entriesPerDepartmentYear(size: Pick<CorpusSize, 'goals' | 'items'>): number {
  return 2 * size.goals * (1 + size.items);
}

/**
 * Stores the corpus, published, and returns the number of search entries. Rows are written in
 * batches (db/batch.ts), one transaction per municipality, and the search entries are made with the
 * same entryRow() as reindexBlock (the built-in dictionary; grades are left to the bench).
 */
export async function generateCorpus(
  db: Kysely<Database>,
  size: CorpusSize,
  onProgress?: (municipalities: number, entries: number) => void,
): Promise<number> {
  const text = textGenerator();
  const now = nowIso();
  const count = size.municipalities ?? 1;
  let entries = 0;
  for (let m = 0; m < count; m++) {
    const code = count === 1 ? 'bench' : `bench${String(m + 1).padStart(3, '0')}`;
    const name = count === 1 ? 'ベンチ市' : `ベンチ${m + 1}市`;
    entries += await db
      .transaction()
      .execute((trx) => storeMunicipality(trx, { code, name }, size, text, now));
    onProgress?.(m + 1, entries);
  }
  return entries;
}

async function storeMunicipality(
  db: Kysely<Database>,
  city: { code: string; name: string },
  size: CorpusSize,
  text: () => string,
  now: string,
): Promise<number> {
  const municipality = await db
    .insertInto('municipality')
    .values({ code: city.code, name: city.name, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const departments: number[] = [];
  for (let d = 0; d < size.departments; d++) {
    const created = await db
      .insertInto('department')
      .values({
        municipality_id: municipality.id,
        parent_id: null,
        kind: 'department',
        name: `部局${d + 1}`,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    departments.push(created.id);
  }
  let entries = 0;
  for (let y = 0; y < size.years; y++) {
    const year = 2010 + y;
    const fy = await db
      .insertInto('fiscal_year')
      .values({ municipality_id: municipality.id, year, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const blocks = departments.flatMap((departmentId) =>
      (['review', 'plan'] as BlockKind[]).map((block) => ({ departmentId, fiscalYearId: fy.id, block })),
    );
    entries += await storeBlocks(db, { municipalityId: municipality.id, year }, blocks, size, text, now);
    await insertBatches(
      blocks.map((b) => ({
        department_id: b.departmentId,
        fiscal_year_id: b.fiscalYearId,
        phase: b.block === 'plan' ? ('goal_setting' as const) : ('final' as const),
        status: 'published' as const,
        published_at: now,
        version: 1,
        updated_at: now,
      })),
      (chunk) => db.insertInto('phase_status').values(chunk).execute(),
    );
  }
  return entries;
}

interface BlockKey {
  departmentId: number;
  fiscalYearId: number;
  block: BlockKind;
}

/** The goals and items of several blocks of one fiscal year, and their search entries. */
async function storeBlocks(
  db: Kysely<Database>,
  at: { municipalityId: number; year: number },
  blocks: BlockKey[],
  size: CorpusSize,
  text: () => string,
  now: string,
): Promise<number> {
  const goalRows = blocks.flatMap((key) =>
    Array.from({ length: size.goals }, (_, g) => ({
      department_id: key.departmentId,
      fiscal_year_id: key.fiscalYearId,
      block: key.block,
      no: g + 1,
      position: g,
      title: text().slice(0, 40),
      source_document_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  const goals: Array<{ id: number; department_id: number; block: BlockKind; no: number }> = [];
  await insertBatches(goalRows, async (chunk) => {
    goals.push(
      ...(await db
        .insertInto('goal')
        .values(chunk)
        .returning(['id', 'department_id', 'block', 'no'])
        .execute()),
    );
  });
  const goalOf = new Map(goalRows.map((g) => [`${g.department_id}/${g.block}/${g.no}`, g]));
  const itemRows = goals.flatMap((goal) => {
    const block = goal.block;
    return Array.from({ length: size.items }, (_, i) => ({
      goal_id: goal.id,
      no: i + 1,
      position: i,
      unit_id: null,
      text: text(),
      target: block === 'plan' ? text() : null,
      achievement: block === 'review' ? text() : null,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
  });
  const items: Array<{ id: number; goal_id: number; no: number }> = [];
  await insertBatches(itemRows, async (chunk) => {
    items.push(...(await db.insertInto('item').values(chunk).returning(['id', 'goal_id', 'no']).execute()));
  });
  const itemOf = new Map(itemRows.map((i) => [`${i.goal_id}/${i.no}`, i]));
  const itemsOfGoal = new Map<number, Array<{ id: number; no: number }>>();
  for (const item of items) {
    const list = itemsOfGoal.get(item.goal_id) ?? [];
    list.push(item);
    itemsOfGoal.set(item.goal_id, list);
  }
  const rows: EntryRow[] = [];
  for (const goal of goals) {
    const stored = goalOf.get(`${goal.department_id}/${goal.block}/${goal.no}`);
    if (!stored) throw new Error('a goal the corpus did not write');
    const base = {
      municipalityId: at.municipalityId,
      departmentId: goal.department_id,
      fiscalYearId: stored.fiscal_year_id,
      year: at.year,
      block: goal.block,
    };
    const g = { id: goal.id, no: goal.no, position: stored.position, title: stored.title };
    rows.push(entryRow({ ...base, goal: g }));
    for (const item of (itemsOfGoal.get(goal.id) ?? []).sort((a, b) => a.no - b.no)) {
      const i = itemOf.get(`${goal.id}/${item.no}`);
      if (!i) throw new Error('an item the corpus did not write');
      rows.push(
        entryRow({
          ...base,
          goal: g,
          item: {
            id: item.id,
            no: item.no,
            position: i.position,
            unitName: null,
            text: i.text,
            note: goal.block === 'plan' ? i.target : i.achievement,
          },
        }),
      );
    }
  }
  // Labelled as a graded city's would be (all but the newest year): the corpus has no numbers to evaluate.
  const labels = ['達成', '概ね達成', '未達成'];
  const graded = rows.map((row, i) => ({
    ...row,
    grade: at.year < 2010 + size.years - 1 ? (labels[i % labels.length] ?? null) : null,
  }));
  await insertBatches(graded, (chunk) => db.insertInto('search_entry').values(chunk).execute());
  return rows.length;
}
