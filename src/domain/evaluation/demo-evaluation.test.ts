import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { evaluateCity, evaluateDepartmentYear } from './evaluate.service.ts';
import { allTargets, departmentId, findTarget, storedTargetIds } from './evaluation.testkit.ts';

// みなと台市: the targets of plan year Y meet the achievements reported in the table of Y+1.
describe('evaluation of the demo city', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
  });
  after(() => db.destroy());

  const departments = ['総務部', '市民生活部', '健康福祉部', '産業観光部'];
  for (const name of departments) {
    for (const year of [2023, 2024]) {
      test(`${name} ${year}: every numeric target is evaluated, matched or explicitly 未報告`, async () => {
        const id = await departmentId(db.kysely, name);
        const view = await evaluateDepartmentYear(db.kysely, id, year);
        const targets = allTargets(view);
        const stored = await storedTargetIds(db.kysely, id, year);
        assert.ok(stored.length >= 10, 'the demo has targets to evaluate');
        assert.deepEqual(
          targets.map((t) => t.target.id).sort((a, b) => a - b),
          stored,
        );
        for (const t of targets) {
          assert.equal(t.actual === null, t.status === 'unreported', `target ${t.target.text}`);
          assert.equal(t.rate === null, t.actual === null);
          if (t.actual) assert.ok(t.grade && ['achieved', 'partly', 'not'].includes(t.status));
        }
        const matched = targets.filter((t) => t.actual !== null).length;
        assert.ok(matched / targets.length >= 0.9, `${matched} of ${targets.length} matched`);
        assert.equal(view.rollUp.targets.total, targets.length);
        assert.equal(view.rollUp.targets.unreported, targets.length - matched);
        assert.equal(view.reviewAvailable, true);
        for (const goal of view.goals) assert.ok(goal.reviewGoal, `goal ${goal.title} paired`);
      });
    }
  }

  test('known pairs give the expected rates, grades and as-of dates', async () => {
    const health = await evaluateDepartmentYear(db.kysely, await departmentId(db.kysely, '健康福祉部'), 2023);
    // 以下: 待機児童数 5人以下 against 6人 → 5 / 6
    const waiting = findTarget(health, '放課後児童クラブ', '5人以下');
    assert.deepEqual(
      [waiting.actual?.value, waiting.rate, waiting.met, waiting.status, waiting.grade],
      [6, 83.3, false, 'partly', '概ね達成'],
    );
    // a target of 0: 待機児童数 0人 (令和6年4月1日現在) against 4/1現在 0人
    const zero = findTarget(health, '保育所等の待機児童の解消', '0人');
    assert.deepEqual(
      [zero.actual?.value, zero.rate, zero.status, zero.asOf],
      [0, 100, 'achieved', '2024-04-01'],
    );

    const somu = await evaluateDepartmentYear(db.kysely, await departmentId(db.kysely, '総務部'), 2023);
    // sub-item (2): オンライン申請率 30%以上 against 3/1現在 27.4% (not the 40%超 beside it)
    const online = findTarget(somu, '行政手続のオンライン化', '30%以上');
    assert.deepEqual(
      [online.actual?.value, online.rate, online.asOf, online.target.subItem],
      [27.4, 91.3, '2024-03-01', 2],
    );
    // clearly missed: 施設延床面積 1.0%以上削減 against 0.6%削減
    const floor = findTarget(somu, '公共施設等総合管理計画', '1.0%以上');
    assert.deepEqual(
      [floor.actual?.value, floor.rate, floor.status, floor.grade],
      [0.6, 60, 'not', '未達成'],
    );

    const shimin = await evaluateDepartmentYear(db.kysely, await departmentId(db.kysely, '市民生活部'), 2023);
    // 以下 met: 市内人身事故件数 300件以下 against 287件 → 300 / 287
    const accidents = findTarget(shimin, '交通安全意識の高揚', '300件以下');
    assert.deepEqual([accidents.actual?.value, accidents.rate, accidents.status], [287, 104.5, 'achieved']);

    const sangyo = await evaluateDepartmentYear(db.kysely, await departmentId(db.kysely, '産業観光部'), 2024);
    const furusato = findTarget(sangyo, '企業版ふるさと納税', '5件以上');
    assert.deepEqual([furusato.actual?.value, furusato.rate, furusato.status], [3, 60, 'not']);
  });

  test('a goal in another row of the report still pairs by title (総務部 2024: plan row 5, review row 4)', async () => {
    const somu = await evaluateDepartmentYear(db.kysely, await departmentId(db.kysely, '総務部'), 2024);
    const promotion = somu.goals.find((g) => g.title.startsWith('シティプロモーション'));
    assert.equal(promotion?.no, 5);
    assert.equal(promotion?.reviewGoal?.no, 4);
    assert.equal(findTarget(somu, '市公式LINE', '20,000人以上').asOf, '2025-03-01');
  });

  test('the city roll-up covers every department, and a year without reports is all 未報告', async () => {
    const municipality = await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
    const city = await evaluateCity(db.kysely, municipality.id, 2023);
    assert.equal(city.departments.length, 4);
    const sum = city.departments.reduce((n, d) => n + d.rollUp.targets.total, 0);
    assert.equal(city.rollUp.targets.total, sum);
    const byGrade = city.rollUp.goals.byGrade.reduce((n, g) => n + g.count, 0);
    assert.equal(byGrade + city.rollUp.goals.ungraded, city.rollUp.goals.total);

    const future = await evaluateCity(db.kysely, municipality.id, 2025);
    assert.ok(future.departments.every((d) => !d.reviewAvailable));
    assert.equal(future.rollUp.targets.reported, 0);
    assert.equal(future.rollUp.targets.unreported, future.rollUp.targets.total);
    assert.ok(future.rollUp.targets.total > 0);
  });

  test('an unknown year or department is NOT_FOUND', async () => {
    const id = await departmentId(db.kysely, '総務部');
    await assert.rejects(evaluateDepartmentYear(db.kysely, id, 2030), { code: 'NOT_FOUND' });
    await assert.rejects(evaluateDepartmentYear(db.kysely, 99999, 2023), { code: 'NOT_FOUND' });
  });
});
