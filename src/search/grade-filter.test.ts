import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { departmentId } from '../domain/evaluation/evaluation.testkit.ts';
import { setPhasesWhere } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { searchFacets } from './facets.ts';
import { parseQuery } from './query.ts';
import { PAGE_SIZE, search } from './search.service.ts';

describe('the search filters by grade where results are public (demo city)', () => {
  let db: TestDb;
  let somu: number;

  /** Every hit for the query and grade, page by page. */
  const allHits = async (q: string, grade?: string) => {
    const first = await search(db.kysely, { q, grade });
    const hits = [...first.hits];
    for (let page = 2; page <= first.pageCount; page++)
      hits.push(...(await search(db.kysely, { q, grade, page })).hits);
    assert.equal(hits.length, first.total);
    return hits;
  };

  /** The slow, obvious count: entries with the grade whose department's year has both blocks published. */
  const expectedCount = async (q: string, grade: string) => {
    const terms = parseQuery(q);
    const published = await db.kysely
      .selectFrom('phase_status')
      .select(['department_id', 'fiscal_year_id', 'phase'])
      .where('status', '=', 'published')
      .execute();
    const has = (d: number, fy: number, phase: string) =>
      published.some((p) => p.department_id === d && p.fiscal_year_id === fy && p.phase === phase);
    const rows = await db.kysely
      .selectFrom('search_entry')
      .select(['department_id', 'fiscal_year_id', 'folded'])
      .where('grade', '=', grade)
      .execute();
    return rows.filter(
      (r) =>
        has(r.department_id, r.fiscal_year_id, 'goal_setting') &&
        has(r.department_id, r.fiscal_year_id, 'final') &&
        terms.every((t) => r.folded.includes(t)),
    ).length;
  };

  const setFinal = (year: number, status: 'draft' | 'published', department?: number) =>
    setPhasesWhere(
      db.kysely,
      { year, phase: 'final', ...(department === undefined ? {} : { departmentId: department }) },
      status,
    );

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    somu = await departmentId(db.kysely, '総務部');
  });
  after(() => db.destroy());

  test('the filter offers the grades of the scale', async () => {
    assert.deepEqual((await searchFacets(db.kysely)).grades, ['達成', '概ね達成', '未達成']);
  });

  test('every hit has the grade asked for, and no graded entry is missed', async () => {
    let sum = 0;
    for (const grade of ['達成', '概ね達成', '未達成']) {
      for (const q of ['市', '推進', 'の']) {
        const hits = await allHits(q, grade);
        assert.equal(hits.length, await expectedCount(q, grade), `${q} ${grade}`);
        for (const h of hits) assert.equal(h.grade, grade);
        sum += hits.length;
      }
    }
    assert.ok(sum > PAGE_SIZE, `${sum} graded hits`);
    const everything = await allHits('の');
    const graded = everything.filter((h) => h.grade !== null).length;
    let filtered = 0;
    for (const grade of ['達成', '概ね達成', '未達成'])
      filtered += (await search(db.kysely, { q: 'の', grade })).total;
    assert.equal(filtered, graded, 'the grades partition the graded hits');
    assert.ok(
      everything.some((h) => h.grade === null && h.year === 2025),
      'a plan year without results',
    );
  });

  test('grades combine with the other filters', async () => {
    const result = await search(db.kysely, {
      q: 'の',
      grade: '達成',
      year: 2023,
      departmentId: somu,
      block: 'review',
    });
    assert.ok(result.total > 0);
    for (const h of result.hits) {
      assert.deepEqual([h.year, h.department.id, h.block, h.grade], [2023, somu, 'review', '達成']);
    }
  });

  test('while the results of a year are not published, its grades are neither shown nor searchable', async () => {
    const before = await search(db.kysely, { q: 'の', grade: '達成', year: 2024, departmentId: somu });
    assert.ok(before.total > 0);
    await setFinal(2024, 'draft', somu);
    try {
      assert.equal(
        (await search(db.kysely, { q: 'の', grade: '達成', year: 2024, departmentId: somu })).total,
        0,
      );
      const plan = await search(db.kysely, { q: 'の', year: 2024, departmentId: somu });
      assert.ok(plan.total > 0, 'the published targets are still found');
      for (const h of plan.hits) assert.equal(h.grade, null, 'without their grade');
      const elsewhere = await search(db.kysely, { q: 'の', grade: '達成', year: 2024 });
      assert.ok(elsewhere.total > 0, 'other departments keep theirs');
      assert.ok(elsewhere.hits.every((h) => h.department.id !== somu));
    } finally {
      await setFinal(2024, 'published', somu);
    }
    assert.equal(
      (await search(db.kysely, { q: 'の', grade: '達成', year: 2024, departmentId: somu })).total,
      before.total,
    );
  });

  test('with no year fully public the filter offers no grades', async () => {
    for (const year of [2022, 2023, 2024]) await setFinal(year, 'draft');
    try {
      assert.deepEqual((await searchFacets(db.kysely)).grades, []);
      assert.equal((await search(db.kysely, { q: 'の', grade: '達成' })).total, 0);
    } finally {
      for (const year of [2022, 2023, 2024]) await setFinal(year, 'published');
    }
    assert.equal((await searchFacets(db.kysely)).grades.length, 3);
  });
});
