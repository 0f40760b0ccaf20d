import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importSources } from '../importer/import.service.ts';
import { makeLargeDocument, sourceOf } from '../test-support/factories.ts';
import { overwriteSearchKeys } from '../test-support/search-state.repo.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { parseQuery } from './query.ts';
import { COUNT_CAP, PAGE_SIZE, type SearchHit, search } from './search.service.ts';

/**
 * More hits than the count cap: 40 goals × 14 items in both blocks (1,200 entries; every item's
 * text has 取組 and its note 説明会). The count stops at COUNT_CAP, the pages walk the display-order
 * index, and what they show is the order the slow, obvious sort gives.
 */
describe('a search with more hits than the count cap', () => {
  let db: TestDb;

  before(async () => {
    db = await createTestDb();
    await importSources(db.kysely, [sourceOf(makeLargeDocument(40, 14))], {
      published: true,
      municipality: { code: 'large', name: '大規模市' },
    });
  });
  after(async () => {
    await db?.destroy();
  });

  /** Every matching entry in display order, computed in JS: year desc, block, goal and item position. */
  const expectedOrder = async (q: string) => {
    const terms = parseQuery(q);
    const rows = await db.kysely
      .selectFrom('search_entry')
      .select(['id', 'year', 'block', 'goal_position', 'item_position', 'goal_no', 'item_no', 'folded'])
      .execute();
    return rows
      .filter((r) => terms.every((t) => r.folded.includes(t)))
      .sort(
        (a, b) =>
          b.year - a.year ||
          a.block.localeCompare(b.block) ||
          a.goal_position - b.goal_position ||
          (a.item_position ?? -1) - (b.item_position ?? -1) ||
          a.id - b.id,
      )
      .map((r) => `${r.year}/${r.block}/${r.goal_no}/${r.item_no ?? '-'}`);
  };
  const keyOf = (h: SearchHit) => `${h.year}/${h.block}/${h.goalNo}/${h.item?.no ?? '-'}`;

  for (const q of ['取組', '説明会', '取組 説明会']) {
    test(`${q}: the count stops at the cap, and the pages follow the display order`, async () => {
      const expected = await expectedOrder(q);
      assert.ok(expected.length > COUNT_CAP, `${expected.length} matches`);
      const first = await search(db.kysely, { q });
      assert.equal(first.total, COUNT_CAP);
      assert.equal(first.capped, true);
      assert.equal(first.pageCount, COUNT_CAP / PAGE_SIZE);
      assert.deepEqual(first.hits.map(keyOf), expected.slice(0, PAGE_SIZE));
      const second = await search(db.kysely, { q, page: 2 });
      assert.deepEqual(second.hits.map(keyOf), expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
      const last = await search(db.kysely, { q, page: first.pageCount });
      assert.equal(last.page, first.pageCount);
      assert.deepEqual(last.hits.map(keyOf), expected.slice(COUNT_CAP - PAGE_SIZE, COUNT_CAP));
      const beyond = await search(db.kysely, { q, page: first.pageCount + 1 });
      assert.equal(beyond.page, first.pageCount, 'a page past the cap reads as the last page');
      assert.deepEqual(beyond.hits, last.hits);
      for (const term of parseQuery(q)) {
        for (const hit of first.hits) {
          const marked = [...hit.goalTitle, ...(hit.item?.text ?? []), ...(hit.item?.note ?? [])];
          assert.ok(
            marked.some((s) => s.hit && s.text === term),
            `${term} marked in ${keyOf(hit)}`,
          );
        }
      }
    });
  }

  test('under the cap the count is exact and the order the same', async () => {
    const plan = await search(db.kysely, { q: '取組', block: 'plan' });
    assert.equal(plan.capped, false);
    assert.equal(plan.total, 40 * 14);
    const expected = (await expectedOrder('取組')).filter((k) => k.includes('/plan/'));
    assert.deepEqual(plan.hits.map(keyOf), expected.slice(0, PAGE_SIZE));
    const last = await search(db.kysely, { q: '取組', block: 'plan', page: plan.pageCount });
    assert.deepEqual(last.hits.map(keyOf), expected.slice((plan.pageCount - 1) * PAGE_SIZE));
    const titles = await search(db.kysely, { q: '推進' });
    assert.deepEqual([titles.total, titles.capped], [80, false]);
  });

  test('exactly at the cap is not capped', async () => {
    // 1,000 of the 1,120 item entries: drop 取組 from 120 review items' keys.
    const ids = await db.kysely
      .selectFrom('search_entry')
      .select('id')
      .where('block', '=', 'review')
      .where('item_id', 'is not', null)
      .orderBy('id')
      .limit(120)
      .execute();
    await overwriteSearchKeys(
      db.kysely,
      ids.map((r) => r.id),
      '別の語',
    );
    const result = await search(db.kysely, { q: '取組' });
    assert.deepEqual([result.total, result.capped, result.pageCount], [COUNT_CAP, false, 50]);
    assert.deepEqual(result.hits.map(keyOf), (await expectedOrder('取組')).slice(0, PAGE_SIZE));
  });
});
