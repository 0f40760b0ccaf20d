import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestDb } from '../test-support/test-db.ts';
import { createTestDb } from '../test-support/test-db.ts';
import type { Segment } from './highlight.ts';
import { PAGE_SIZE, type SearchHit, search } from './search.service.ts';
import { expectedCount, loadSearchCorpus, seedSkip } from './test-corpus.ts';

let db: TestDb;
const marks = (segments: Segment[] | null | undefined) =>
  (segments ?? []).filter((s) => s.hit).map((s) => s.text);
const allMarks = (h: SearchHit) => [
  ...marks(h.goalTitle),
  ...marks(h.item?.unit),
  ...marks(h.item?.text),
  ...marks(h.item?.note),
];
const plain = (segments: Segment[] | null | undefined) => (segments ?? []).map((s) => s.text).join('');
const hitText = (h: SearchHit) => [plain(h.goalTitle), plain(h.item?.text), plain(h.item?.note)].join(' ');

describe('search over the seed and the demo city', { skip: seedSkip }, () => {
  before(async () => {
    db = await createTestDb();
    await loadSearchCorpus(db.kysely);
  });
  after(async () => {
    await db?.destroy();
  });

  test('a 2-character query (移住) finds hits and marks them', async () => {
    const result = await search(db.kysely, { q: '移住' });
    assert.ok(result.total > 5, `${result.total} hits`);
    assert.equal(result.total, await expectedCount(db.kysely, '移住'));
    for (const hit of result.hits) assert.ok(allMarks(hit).includes('移住'), hitText(hit));
    assert.ok(result.hits.some((h) => h.municipality.code === 'minatodai'));
  });

  test('寄附 finds the ふるさと納税 item of the seed', async () => {
    const result = await search(db.kysely, { q: '寄附', municipality: 'ueda' });
    assert.ok(result.hits.some((h) => hitText(h).includes('ふるさと納税') && allMarks(h).includes('寄附')));
  });

  test('3+-character, 1-character and mixed queries agree with a plain scan', async () => {
    for (const q of [
      '移住相談会',
      'ふるさと納税',
      '市',
      '%',
      '_',
      '移住 相談会',
      '寄附 件数',
      'センター 開催',
    ]) {
      assert.equal((await search(db.kysely, { q })).total, await expectedCount(db.kysely, q), q);
    }
    assert.ok((await search(db.kysely, { q: '移住相談会' })).total > 0);
  });

  test('wave-dash variants find ～ in the seed and mark it as written', async () => {
    for (const q of ['下旬〜6月', '下旬～６月', '下旬~6月', '会〜', '〜']) {
      const result = await search(db.kysely, { q, municipality: 'ueda' });
      assert.ok(result.total > 0, q);
      assert.ok(
        result.hits.some((h) => allMarks(h).some((m) => m.includes('～'))),
        q,
      );
    }
  });

  test('full-width ＬＩＮＥ finds LINE@', async () => {
    for (const q of ['ＬＩＮＥ', 'ｌｉｎｅ＠', 'line@']) {
      const result = await search(db.kysely, { q, municipality: 'ueda' });
      assert.ok(result.total >= 2, q);
      assert.ok(
        result.hits.every((h) => hitText(h).includes('LINE@')),
        q,
      );
    }
  });

  test('terms are ANDed', async () => {
    const both = await search(db.kysely, { q: '移住 相談' });
    assert.ok(both.total > 0);
    assert.ok(both.total < (await search(db.kysely, { q: '移住' })).total);
    for (const hit of both.hits) {
      const text = hitText(hit);
      assert.ok(text.includes('移住') && text.includes('相談'), text);
    }
    assert.equal((await search(db.kysely, { q: '移住 存在しない語句' })).total, 0);
  });

  test('filters: municipality, fiscal year, department, block', async () => {
    const all = await search(db.kysely, { q: '推進' });
    const ueda = await search(db.kysely, { q: '推進', municipality: 'ueda' });
    assert.ok(ueda.total > 0 && ueda.total < all.total);
    assert.ok(ueda.hits.every((h) => h.municipality.code === 'ueda'));
    const year = await search(db.kysely, { q: '推進', year: 2021 });
    assert.ok(year.total > 0 && year.hits.every((h) => h.year === 2021));
    const plan = await search(db.kysely, { q: '推進', block: 'plan', municipality: 'ueda' });
    assert.ok(plan.total > 0 && plan.hits.every((h) => h.block === 'plan' && h.year === 2022));
    const departmentId = all.hits[0]?.department.id ?? 0;
    const department = await search(db.kysely, { q: '推進', departmentId });
    assert.ok(department.total > 0 && department.hits.every((h) => h.department.id === departmentId));
  });

  test('newest fiscal year first, 20 per page, a page past the end is the last page', async () => {
    const first = await search(db.kysely, { q: '市' });
    assert.ok(first.total > PAGE_SIZE);
    assert.equal(first.hits.length, PAGE_SIZE);
    const years = first.hits.map((h) => h.year);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => b - a),
    );
    const second = await search(db.kysely, { q: '市', page: 2 });
    assert.equal(second.page, 2);
    assert.notDeepEqual(second.hits, first.hits);
    const beyond = await search(db.kysely, { q: '市', page: 999 });
    assert.equal(beyond.page, first.pageCount);
    assert.ok(beyond.hits.length > 0);
    assert.equal(first.pageCount, Math.ceil(first.total / PAGE_SIZE));
  });

  test('query syntax in user input is only text and never an error', async () => {
    for (const q of [
      '"',
      '*',
      'OR',
      'NEAR(',
      '移住" OR "*',
      'a AND',
      '(',
      '-移住',
      '^',
      'col:移住',
      "'; drop",
      '\\',
    ]) {
      const result = await search(db.kysely, { q });
      assert.equal(result.total, await expectedCount(db.kysely, q), q);
    }
    assert.equal((await search(db.kysely, { q: '   ' })).total, 0);
  });
});
