import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { loadInterim } from './interim.repo.ts';
import { MAX_PROGRESS, saveInterimProgress } from './interim.service.ts';
import { InterimFormInvalid, saveInterimGoal } from './interim-goal.service.ts';
import { type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
let fy = 0;
const goals: Array<{ goalId: number; items: number[] }> = [];

before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2026 });
  fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2026)) ?? -1;
  const rows = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['goal.id as goal_id', 'item.id'])
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.position')
    .orderBy('item.position')
    .execute();
  for (const row of rows) {
    const goal = goals.find((g) => g.goalId === row.goal_id);
    if (goal) goal.items.push(row.id);
    else goals.push({ goalId: row.goal_id, items: [row.id] });
  }
});
after(() => f.db.destroy());

const progress = async () => loadInterim(f.db.kysely, f.own, fy);
const auditCount = async () =>
  Number(
    (
      await f.db.kysely
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('all items of a goal are saved by one call; an unchanged item is not written again', async () => {
  const goal = goals[0];
  assert.ok(goal && goal.items.length >= 2, 'a goal with two items');
  const [a, b] = goal.items as [number, number];
  await saveInterimGoal(f.db.kysely, f.actors.editorOwn, {
    goalId: goal.goalId,
    items: [
      { itemId: a, text: '説明会を4回開催', version: 0 },
      { itemId: b, text: '', notStarted: true, version: 0 },
    ],
  });
  const saved = await progress();
  assert.equal(saved.get(a)?.text, '説明会を4回開催');
  assert.equal(saved.get(b)?.notStarted, true);
  const audits = await auditCount();
  await saveInterimGoal(f.db.kysely, f.actors.editorOwn, {
    goalId: goal.goalId,
    items: [
      { itemId: a, text: '説明会を4回開催', version: 1 },
      { itemId: b, text: '準備中', notStarted: true, version: 1 },
    ],
  });
  const again = await progress();
  assert.equal(again.get(a)?.version, 1, 'unchanged: same version');
  assert.equal(again.get(b)?.version, 2);
  assert.equal(await auditCount(), audits + 1, 'one audit row, for the changed item');
});

test('a stale second item means the first is not saved either', async () => {
  const goal = goals[0];
  assert.ok(goal);
  const [a, b] = goal.items as [number, number];
  const before = await progress();
  await assert.rejects(
    saveInterimGoal(f.db.kysely, f.actors.editorOwn, {
      goalId: goal.goalId,
      items: [
        { itemId: a, text: '書き直した進捗', version: before.get(a)?.version ?? 0 },
        { itemId: b, text: '古い画面から', notStarted: true, version: 1 },
      ],
    }),
    { code: 'STALE' },
  );
  assert.deepEqual(await progress(), before);
});

test('too long texts are named by item and nothing is saved; items of another goal are refused', async () => {
  const [first, second] = goals;
  assert.ok(first && second);
  const before = await progress();
  const a = first.items[0] as number;
  const version = before.get(a)?.version ?? 0;
  await assert.rejects(
    saveInterimGoal(f.db.kysely, f.actors.editorOwn, {
      goalId: first.goalId,
      items: [
        { itemId: a, text: '正しい長さ', version },
        { itemId: first.items[1] as number, text: 'あ'.repeat(MAX_PROGRESS + 1), version: 2 },
      ],
    }),
    (error: unknown) => error instanceof InterimFormInvalid && error.itemIds[0] === first.items[1],
  );
  await assert.rejects(
    saveInterimGoal(f.db.kysely, f.actors.editorOwn, {
      goalId: first.goalId,
      items: [
        { itemId: a, text: '正しい長さ', version },
        { itemId: second.items[0] as number, text: 'よその目標の項目', version: 0 },
      ],
    }),
    { code: 'NOT_FOUND' },
  );
  await assert.rejects(
    saveInterimGoal(f.db.kysely, f.actors.editorOther, {
      goalId: first.goalId,
      items: [{ itemId: a, text: 'x', version }],
    }),
    { code: 'FORBIDDEN' },
  );
  assert.deepEqual(await progress(), before);
  // The single-item save still works for the API and older pages.
  assert.equal(
    await saveInterimProgress(f.db.kysely, f.actors.editorOwn, { itemId: a, text: '単独', version }),
    version + 1,
  );
});
