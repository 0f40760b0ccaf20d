import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { goalsAcrossYears } from './across-years.service.ts';
import { classifyTable } from './classify.service.ts';
import { departmentId, goalId } from './lineage.testkit.ts';

const folder = new URL('../../demo/data/minatodai/', import.meta.url);
const documents = readdirSync(folder)
  .filter((n) => /-\d{4}\.json$/.test(n))
  .map((n) => JSON.parse(readFileSync(new URL(n, folder), 'utf8')) as IchiranDocument);
const doc = (department: string, planYear: number) => {
  const found = documents.find((d) => d.department === department && d.plan.fiscalYear === planYear);
  assert.ok(found, `${department} ${planYear}`);
  return found;
};
const departments = [...new Set(documents.map((d) => d.department))].sort();

/** Read off the JSON: goals that start or stop, by title (the rest continue, reordered or reworded). */
const expectedChanges: Record<string, Record<number, { new: string[]; ended: string[] }>> = {
  健康福祉部: {
    2023: {
      new: ['誰もが支え合う地域共生社会の実現'],
      ended: ['新型コロナウイルスワクチン接種の円滑な実施'],
    },
  },
  産業観光部: { 2024: { new: ['ふるさと納税を活用した地域の魅力発信'], ended: [] } },
  市民生活部: { 2025: { new: ['多文化共生のまちづくりの推進'], ended: [] } },
  総務部: {
    2024: {
      new: ['シティプロモーションの推進と情報発信の強化'],
      ended: ['職員の働き方改革と人材育成の推進'],
    },
  },
};

describe('lineage of the demo city みなと台市 (three tables per department)', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
  });
  after(async () => {
    await db.destroy();
  });

  it('finds every plan Y ↔ review Y pair (the same goal, in two tables)', async () => {
    let pairs = 0;
    for (const name of departments) {
      const dept = await departmentId(db.kysely, name);
      for (const year of [2023, 2024]) {
        const planned = doc(name, year).plan.goals;
        const reported = doc(name, year + 1).review.goals;
        for (const goal of planned) {
          const partner = reported.find((r) => r.title === goal.title);
          assert.ok(partner, `${name} ${year}: ${goal.title} is reported`);
          const link = await db.kysely
            .selectFrom('goal_link')
            .select(['status', 'kind'])
            .where('from_goal_id', '=', await goalId(db.kysely, dept, year, 'plan', goal.no))
            .where('to_goal_id', '=', await goalId(db.kysely, dept, year, 'review', partner.no))
            .where('from_item_id', 'is', null)
            .where('to_item_id', 'is', null)
            .executeTakeFirst();
          assert.deepEqual(link, { status: 'suggested', kind: 'same' }, `${name} ${year} goal ${goal.no}`);
          pairs += 1;
        }
      }
    }
    assert.ok(pairs >= 32);
    const same = await db.kysely
      .selectFrom('goal_link')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'same')
      .where('from_item_id', 'is', null)
      .executeTakeFirstOrThrow();
    assert.equal(Number(same.n), pairs, 'and no others');
  });

  it('classifies every table as the data says: continued, new, ended', async () => {
    for (const name of departments) {
      const dept = await departmentId(db.kysely, name);
      for (const year of [2023, 2024, 2025]) {
        const table = await classifyTable(db.kysely, dept, year);
        const expected = expectedChanges[name]?.[year] ?? { new: [], ended: [] };
        const titles = (goals: typeof table.plan, status: string) =>
          goals.filter((g) => g.status === status).map((g) => g.title);
        assert.deepEqual(titles(table.plan, 'new'), expected.new, `${name} ${year}: new`);
        assert.deepEqual(titles(table.review, 'ended'), expected.ended, `${name} ${year}: ended`);
        // A goal with the same title on both sides always continues into it, wherever its row moved.
        for (const r of table.review) {
          const same = table.plan.find((p) => p.title === r.title);
          if (same)
            assert.deepEqual(
              r.links.map((l) => l.goalId),
              [same.goalId],
              `${name} ${year}: ${r.title}`,
            );
        }
      }
    }
  });

  it('総務部 2024: the row with an empty review side is new, the row with an empty plan side ended', async () => {
    const d = doc('総務部', 2024);
    const reviewRows = d.review.goals.map((g) => g.no);
    const planRows = d.plan.goals.map((g) => g.no);
    const planOnly = planRows.filter((n) => !reviewRows.includes(n));
    const reviewOnly = reviewRows.filter((n) => !planRows.includes(n));
    assert.deepEqual([planOnly, reviewOnly], [[5], [4]], 'the JSON has one row of each');
    const table = await classifyTable(db.kysely, await departmentId(db.kysely, '総務部'), 2024);
    assert.equal(table.plan.find((g) => g.no === 5)?.status, 'new');
    assert.equal(table.review.find((g) => g.no === 4)?.status, 'ended');
    // Elsewhere a plan-only row can be a moved goal: 産業観光部 2024 row 5 continues review row 3.
    const moved = await classifyTable(db.kysely, await departmentId(db.kysely, '産業観光部'), 2024);
    const row5 = moved.plan.find((g) => g.no === 5);
    assert.equal(row5?.status, 'continued');
    assert.equal(row5?.links[0]?.goalId, moved.review.find((g) => g.no === 3)?.goalId);
  });

  it('follows a department’s goals across the stored years (総務部)', async () => {
    const history = await goalsAcrossYears(db.kysely, await departmentId(db.kysely, '総務部'));
    assert.deepEqual(history.years, [2022, 2023, 2024, 2025]);
    const marks = (title: string) =>
      history.threads
        .find((t) => t.title === title)
        ?.steps.map((s) => `${s.fiscalYear}:${s.arrival ?? '-'}/${s.departure ?? '-'}`);
    assert.deepEqual(marks('自治体DXの推進による市民サービスの向上と業務の効率化'), [
      '2022:-/continued',
      '2023:continued/continued',
      '2024:continued/continued',
      '2025:continued/-',
    ]);
    assert.deepEqual(marks('職員の働き方改革と人材育成の推進'), ['2022:-/continued', '2023:continued/ended']);
    assert.deepEqual(marks('シティプロモーションの推進と情報発信の強化'), [
      '2024:new/continued',
      '2025:continued/-',
    ]);
    assert.equal(history.threads.length, 5);
  });
});
