import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureDepartment } from '../domain/departments/department.repo.ts';
import { ensureFiscalYear } from '../domain/fiscal-years/fiscal-year.repo.ts';
import {
  type BlockKey,
  deleteGoals,
  insertGoal,
  insertItem,
  loadBlock,
  replaceQuantities,
} from '../domain/goals/goal.repo.ts';
import { goalRefs } from '../domain/lineage/goal-ref.repo.ts';
import { activeLinksOf, deleteLinks, insertSuggestions, linksBetween } from '../domain/lineage/link.repo.ts';
import type { SuggestedLink } from '../domain/lineage/match.ts';
import { insertMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { chunked, MAX_PARAMETERS } from './batch.ts';

// 800 goals × 6 items is the table that broke PostgreSQL (5,600 links × 12 columns = 67,200
// parameters wrap to 1,664); more than 32,766 parameters is what SQLite refuses.
const GOALS = 800;
const ITEMS = 6;

let db: TestDb;
let municipalityId: number;
let review: BlockKey;
let plan: BlockKey;
const reviewGoals: Array<{ id: number; items: number[] }> = [];
const planGoals: Array<{ id: number; items: number[] }> = [];

before(async () => {
  db = await createTestDb();
  municipalityId = (await insertMunicipality(db.kysely, { code: 'big', name: '大規模市' })).id;
  const departmentId = (await ensureDepartment(db.kysely, municipalityId, '大規模部')).id;
  review = {
    departmentId,
    fiscalYearId: await ensureFiscalYear(db.kysely, municipalityId, 2022),
    block: 'review',
  };
  plan = {
    departmentId,
    fiscalYearId: await ensureFiscalYear(db.kysely, municipalityId, 2023),
    block: 'plan',
  };
  await db.kysely.transaction().execute(async (trx) => {
    for (const [key, goals] of [
      [review, reviewGoals],
      [plan, planGoals],
    ] as const) {
      for (let g = 1; g <= GOALS; g += 1) {
        const id = await insertGoal(trx, key, {
          no: g,
          position: g,
          title: `目標${g}`,
          sourceDocumentId: null,
        });
        const items: number[] = [];
        for (let i = 1; i <= ITEMS; i += 1) {
          items.push(
            await insertItem(trx, id, {
              no: i,
              position: i,
              unitId: null,
              text: `取組${i}`,
              target: null,
              achievement: null,
            }),
          );
        }
        goals.push({ id, items });
      }
    }
  });
});
after(async () => {
  await db.destroy();
});

test('chunked keeps every piece within the parameter bound and loses no row', () => {
  const rows = Array.from({ length: 10_001 }, (_, i) => i);
  const pieces = chunked(rows, 12);
  assert.ok(pieces.every((p) => p.length * 12 <= MAX_PARAMETERS));
  assert.deepEqual(pieces.flat(), rows);
  assert.deepEqual(chunked([], 12), []);
  // A row wider than the bound still goes, one per statement.
  assert.deepEqual(chunked([1, 2], MAX_PARAMETERS + 1), [[1], [2]]);
});

test('lineage suggestions for 800 goals × 6 items are stored, found and deleted', async () => {
  const links: SuggestedLink[] = reviewGoals.flatMap((from, g) => {
    const to = planGoals[g];
    assert.ok(to);
    return [
      { kind: 'same', fromGoalId: from.id, fromItemId: null, toGoalId: to.id, toItemId: null, score: 1 },
      ...from.items.map((fromItemId, i) => ({
        kind: 'same' as const,
        fromGoalId: from.id,
        fromItemId,
        toGoalId: to.id,
        toItemId: to.items[i] ?? null,
        score: 0.9,
      })),
    ];
  });
  assert.equal(links.length, GOALS * (ITEMS + 1));
  await insertSuggestions(db.kysely, municipalityId, links);

  const fromIds = reviewGoals.map((g) => g.id);
  const toIds = planGoals.map((g) => g.id);
  const between = await linksBetween(db.kysely, fromIds, toIds);
  assert.equal(between.length, links.length);
  assert.ok(
    between.every((l, i) => i === 0 || (between[i - 1]?.id ?? 0) < l.id),
    'in id order',
  );
  // Both ends of every link are in the list: each link must come back once.
  const active = await activeLinksOf(db.kysely, [...fromIds, ...toIds]);
  assert.deepEqual(
    active.map((l) => l.id),
    between.map((l) => l.id),
  );
  // Only from goals of the first half: links into the plan side's second half are left out.
  assert.equal((await linksBetween(db.kysely, fromIds, toIds.slice(0, GOALS / 2))).length, links.length / 2);

  await deleteLinks(
    db.kysely,
    between.map((l) => l.id),
  );
  assert.equal((await activeLinksOf(db.kysely, fromIds)).length, 0);
});

test('a block of 800 goals × 6 items loads whole, in order, with 10,000 quantities on one item', async () => {
  const itemId = planGoals[0]?.items[0];
  assert.ok(itemId);
  const quantities = Array.from({ length: 10_000 }, (_, i) => ({
    value: i,
    unit: '件',
    comparator: '>=',
    spanText: null,
    spanStart: null,
    spanEnd: null,
    origin: 'extracted' as const,
  }));
  await replaceQuantities(db.kysely, itemId, 'target', quantities);
  const block = await loadBlock(db.kysely, plan);
  assert.equal(block.length, GOALS);
  assert.deepEqual(
    block.map((g) => g.no),
    Array.from({ length: GOALS }, (_, i) => i + 1),
  );
  assert.ok(block.every((g) => g.items.map((i) => i.no).join() === '1,2,3,4,5,6'));
  assert.deepEqual(
    block[0]?.items[0]?.quantities.map((q) => q.value),
    quantities.map((q) => q.value),
  );
});

test('70,000-id lists (past both engines’ limits): goal references and deletes take only the goals that exist', async () => {
  const wanted = [
    ...reviewGoals.map((g) => g.id),
    ...Array.from({ length: 70_000 }, (_, i) => 10_000_000 + i),
  ];
  const refs = await goalRefs(db.kysely, wanted);
  assert.equal(refs.length, GOALS);
  await deleteGoals(db.kysely, wanted);
  assert.equal((await loadBlock(db.kysely, review)).length, 0);
  assert.equal((await loadBlock(db.kysely, plan)).length, GOALS);
});
