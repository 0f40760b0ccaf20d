/**
 * A generated corpus for bench/search.bench.ts: departments × fiscal years × both blocks, stored
 * through the same tables and reindexBlock as an import. Texts mix real phrases (demo data and the
 * seed) with filler words drawn from their character set, so real words are as selective as in
 * years of real tables (移住 in a few percent of entries), not in every other one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { nowIso } from '../src/db/clock.ts';
import type { BlockKind, Database } from '../src/db/schema.ts';
import { reindexBlock } from '../src/search/index.repo.ts';

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
  departments: number;
  years: number;
  goals: number;
  items: number;
}

/** Stores the corpus, published; returns the number of search entries. */
export async function generateCorpus(db: Kysely<Database>, size: CorpusSize): Promise<number> {
  const text = textGenerator();
  const now = nowIso();
  const municipality = await db
    .insertInto('municipality')
    .values({ code: 'bench', name: 'ベンチ市', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  let entries = 0;
  for (let y = 0; y < size.years; y++) {
    const fy = await db
      .insertInto('fiscal_year')
      .values({ municipality_id: municipality.id, year: 2010 + y, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let d = 0; d < size.departments; d++) {
      const department = await ensureDepartment(db, municipality.id, `部局${d + 1}`);
      for (const block of ['review', 'plan'] as BlockKind[]) {
        await storeBlock(db, { departmentId: department, fiscalYearId: fy.id, block }, size, text, now);
        entries += await reindexBlock(db, { departmentId: department, fiscalYearId: fy.id, block });
        await db
          .insertInto('phase_status')
          .values({
            department_id: department,
            fiscal_year_id: fy.id,
            phase: block === 'plan' ? 'goal_setting' : 'final',
            status: 'published',
            published_at: now,
            version: 1,
            updated_at: now,
          })
          .execute();
      }
    }
  }
  return entries;
}

async function ensureDepartment(db: Kysely<Database>, municipalityId: number, name: string): Promise<number> {
  const found = await db
    .selectFrom('department')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const created = await db
    .insertInto('department')
    .values({
      municipality_id: municipalityId,
      parent_id: null,
      kind: 'department',
      name,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

async function storeBlock(
  db: Kysely<Database>,
  key: { departmentId: number; fiscalYearId: number; block: BlockKind },
  size: CorpusSize,
  text: () => string,
  now: string,
): Promise<void> {
  const goals = await db
    .insertInto('goal')
    .values(
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
    )
    .returning('id')
    .execute();
  const items = goals.flatMap((goal) =>
    Array.from({ length: size.items }, (_, i) => ({
      goal_id: goal.id,
      no: i + 1,
      position: i,
      unit_id: null,
      text: text(),
      target: key.block === 'plan' ? text() : null,
      achievement: key.block === 'review' ? text() : null,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  for (let i = 0; i < items.length; i += 500)
    await db
      .insertInto('item')
      .values(items.slice(i, i + 500))
      .execute();
}
