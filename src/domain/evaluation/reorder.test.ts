import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importSources } from '../../importer/import.service.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { evaluateDepartmentYear } from './evaluate.service.ts';
import { departmentId, findItem, findTarget } from './evaluation.testkit.ts';
import { DEPARTMENT, threeYears } from './fixture.testkit.ts';

describe('three consecutive tables with goals reordered between years', () => {
  let db: TestDb;
  let department: number;
  before(async () => {
    db = await createTestDb();
    await importSources(db.kysely, [threeYears()], { published: true, municipality: 'reorder' });
    department = await departmentId(db.kysely, DEPARTMENT);
  });
  after(() => db.destroy());

  test('2023: each plan goal pairs with its own goal in the next table, whatever its row', async () => {
    const view = await evaluateDepartmentYear(db.kysely, department, 2023);
    const pairs = view.goals.map((g) => [g.no, g.title, g.reviewGoal?.no]);
    assert.deepEqual(pairs, [
      [1, '子育て支援の充実', 2],
      [2, '観光振興による交流人口の拡大', 3],
      [3, 'ごみの減量', 1],
    ]);
    const zero = findTarget(view, '待機児童', '0人以下');
    assert.deepEqual([zero.actual?.value, zero.rate, zero.status, zero.asOf], [3, 0, 'not', '2023-04-01']);
    assert.equal(findTarget(view, '放課後児童クラブ', '40人以上').actual?.value, 45);
    assert.equal(findTarget(view, '観光客', '120万人以上').rate, 105);
    const festival = findTarget(view, 'イベント', '5,000人以上');
    const fireworks = findTarget(view, 'イベント', '8,000人以上');
    assert.deepEqual([festival.actual?.value, festival.rate], [4200, 84]);
    assert.deepEqual([fireworks.actual?.value, fireworks.rate], [9100, 113.8]);
    const waste = findTarget(view, '家庭系ごみ', '520g以下');
    assert.deepEqual([waste.actual?.value, waste.rate, waste.asOf], [530, 98.1, '2024-03-31']);
  });

  test('2024: a goal dropped from the report is 未報告, a goal not planned is listed apart', async () => {
    const view = await evaluateDepartmentYear(db.kysely, department, 2024);
    assert.deepEqual(
      view.goals.map((g) => [g.title, g.reviewGoal?.no ?? null]),
      [
        ['ごみの減量', 2],
        ['観光振興による交流人口の拡大', 3],
        ['子育て支援の充実', 1],
        ['デジタル化の推進', null],
      ],
    );
    assert.deepEqual(
      view.unpairedReviewGoals.map((g) => g.title),
      ['防災力の強化'],
    );
    const digital = findTarget(view, '電子申請', '50件以上');
    assert.deepEqual([digital.actual, digital.status, digital.rate], [null, 'unreported', null]);
    assert.equal(findTarget(view, '待機児童', '0人').asOf, '2025-04-01');
    assert.equal(findTarget(view, '病児保育', '1か所').status, 'achieved');
    assert.equal(findTarget(view, '観光客', '130万人以上').rate, 90.8);
    assert.equal(findItem(view, '子育て応援アプリ').status, 'qualitative');
    assert.equal(view.rollUp.targets.unreported, 1);
    assert.equal(view.rollUp.items.unassessed, 1);
    assert.equal(view.rollUp.goals.ungraded, 1);
  });

  test('2025: no report yet, so every target is 未報告', async () => {
    const view = await evaluateDepartmentYear(db.kysely, department, 2025);
    assert.equal(view.reviewAvailable, false);
    assert.deepEqual(view.rollUp.targets, {
      total: 1,
      reported: 0,
      unreported: 1,
      achieved: 0,
      partly: 0,
      not: 0,
      byGrade: view.scale.bands.map((b) => ({ label: b.label, count: 0 })),
    });
  });
});
