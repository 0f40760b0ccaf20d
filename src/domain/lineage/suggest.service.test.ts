import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { classifyTable } from './classify.service.ts';
import { goalWordingDiff } from './goal-diff.service.ts';
import {
  actor,
  departmentId,
  describedLinks,
  goalId,
  importSeed,
  municipalityIdOf,
  SEED_DEPARTMENT,
} from './lineage.testkit.ts';
import { confirmLink, rejectLink } from './link.service.ts';

describe('lineage suggestions for the seed table (上田市 2021 → 2022)', () => {
  let db: TestDb;
  let dept: number;
  before(async () => {
    db = await createTestDb();
    await importSeed(db);
    dept = await departmentId(db.kysely, SEED_DEPARTMENT);
  });
  after(async () => {
    await db.destroy();
  });

  it('links review goals to plan goals: identical titles, reordered goals, a renamed goal', async () => {
    const goalLinks = (await describedLinks(db.kysely, { kind: 'continues' })).filter(
      (l) => !/#\d+\.\d+/.test(l),
    );
    assert.deepEqual(goalLinks, [
      'continues review 2021#1 → plan 2022#1',
      'continues review 2021#2 → plan 2022#2',
      'continues review 2021#3 → plan 2022#3',
      'continues review 2021#4 → plan 2022#6',
      'continues review 2021#6 → plan 2022#4',
      'continues review 2021#7 → plan 2022#7',
    ]);
  });

  it('review goal 5 (地域の特性…) lives on as plan goal 1 item ④', async () => {
    assert.deepEqual(await describedLinks(db.kysely, { kind: 'absorbed' }), [
      'absorbed review 2021#5 → plan 2022#1.4',
    ]);
  });

  it('follows items too (多文化共生 ①–⑤ → ①–⑤)', async () => {
    const items = (await describedLinks(db.kysely)).filter((l) => l.startsWith('continues review 2021#4.'));
    assert.deepEqual(
      items,
      [1, 2, 3, 4, 5].map((n) => `continues review 2021#4.${n} → plan 2022#6.${n}`),
    );
  });

  it('classifies the table: plan goal 5 is new, nothing ended', async () => {
    const table = await classifyTable(db.kysely, dept, 2022);
    assert.deepEqual(
      table.review.map((g) => `${g.no}:${g.status}`),
      [
        '1:continued',
        '2:continued',
        '3:continued',
        '4:continued',
        '5:continued',
        '6:continued',
        '7:continued',
      ],
    );
    assert.deepEqual(
      table.plan.map((g) => `${g.no}:${g.status}`),
      ['1:continued', '2:continued', '3:continued', '4:continued', '5:new', '6:continued', '7:continued'],
    );
    assert.equal(table.review[4]?.links[0]?.kind, 'absorbed');
  });

  it('diffs a renamed goal word by word', async () => {
    const diff = await goalWordingDiff(
      db.kysely,
      await goalId(db.kysely, dept, 2021, 'review', 2),
      await goalId(db.kysely, dept, 2022, 'plan', 2),
    );
    assert.deepEqual(diff.title, [
      { op: 'added', text: '自治基本条例に基づく' },
      { op: 'same', text: '参加と協働によるまちづくりの推進' },
    ]);
    const third = diff.items.find((i) => i.toNo === 3);
    assert.equal(third?.fromNo, 3);
    assert.ok(third?.text.some((s) => s.op === 'added' && s.text.includes('見える化')));
  });

  it('re-import keeps suggestion ids, decisions and rejections', async () => {
    const m = await municipalityIdOf(db.kysely, dept);
    const editor = actor(m, 'editor', dept);
    const links = await db.kysely.selectFrom('goal_link').selectAll().orderBy('id').execute();
    const review4 = await goalId(db.kysely, dept, 2021, 'review', 4);
    const review7 = await goalId(db.kysely, dept, 2021, 'review', 7);
    const link4 = links.find((l) => l.from_goal_id === review4 && l.from_item_id === null);
    const link7 = links.find((l) => l.from_goal_id === review7 && l.from_item_id === null);
    assert.ok(link4 && link7);
    await confirmLink(db.kysely, editor, link4.id);
    await rejectLink(db.kysely, editor, link7.id);

    await importSeed(db);
    const again = await db.kysely.selectFrom('goal_link').selectAll().orderBy('id').execute();
    // Same rows, same ids — except the item links of the pair just rejected, which go with it.
    assert.deepEqual(
      again.map((l) => l.id),
      links.filter((l) => l.from_goal_id !== review7 || l.from_item_id === null).map((l) => l.id),
    );
    assert.ok(links.some((l) => l.from_goal_id === review7 && l.from_item_id !== null));
    assert.equal(again.find((l) => l.id === link4.id)?.status, 'confirmed');
    assert.equal(again.find((l) => l.id === link7.id)?.status, 'rejected');
    const table = await classifyTable(db.kysely, dept, 2022);
    assert.equal(table.review.find((g) => g.no === 7)?.status, 'ended', 'a rejected link does not count');
  });
});
