import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { blockState } from '../workflow/lock.ts';
import { copyPlanToNextYear, startYearEndReport } from './goal-edit.service.ts';
import { auditActions, type EditFixture, editFixture } from './goal-edit.testkit.ts';

let f: EditFixture;

before(async () => {
  f = await editFixture();
});
after(() => f.db.destroy());

const goalsOf = (year: number, block: 'plan' | 'review') =>
  f.db.kysely
    .selectFrom('goal')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select(['goal.id', 'goal.no', 'goal.title', 'goal.copied_from_goal_id', 'goal.fiscal_year_id'])
    .where('goal.department_id', '=', f.departmentId)
    .where('fiscal_year.year', '=', year)
    .where('goal.block', '=', block)
    .orderBy('goal.position')
    .execute();

const itemsOf = (goalIds: number[]) =>
  f.db.kysely
    .selectFrom('item')
    .selectAll()
    .where('goal_id', 'in', goalIds)
    .orderBy('goal_id')
    .orderBy('position')
    .execute();

test('start next year copies the published plan into a new draft plan, recording the sources', async () => {
  const result = await copyPlanToNextYear(f.db.kysely, f.editor, {
    departmentId: f.departmentId,
    year: 2023,
  });
  const source = await goalsOf(2023, 'plan');
  const copies = await goalsOf(2024, 'plan');
  assert.equal(result.goals.length, 2);
  assert.deepEqual(
    copies.map((g) => [g.no, g.title, g.copied_from_goal_id]),
    source.map((g) => [g.no, g.title, g.id]),
  );
  const sourceItems = await itemsOf(source.map((g) => g.id));
  const copiedItems = await itemsOf(copies.map((g) => g.id));
  assert.deepEqual(
    copiedItems.map((i) => [i.text, i.target, i.achievement, i.unit_id, i.copied_from_item_id, i.version]),
    sourceItems.map((i) => [i.text, i.target, null, i.unit_id, i.id, 1]),
  );
  const quantities = await f.db.kysely
    .selectFrom('quantity')
    .select(['value', 'unit', 'kind'])
    .where(
      'item_id',
      'in',
      copiedItems.map((i) => i.id),
    )
    .execute();
  assert.ok(
    quantities.length > 0 && quantities.every((q) => q.kind === 'target'),
    'target quantities come along',
  );
  const fiscalYearId = copies[0]?.fiscal_year_id ?? -1;
  const state = await blockState(f.db.kysely, { departmentId: f.departmentId, fiscalYearId, block: 'plan' });
  assert.ok(state === undefined || state === 'draft', 'the new block is a draft');
  assert.equal((await auditActions(f.db)).at(-1), 'block.copy_next_year');
});

test('a second start for the same next year is a CONFLICT and writes nothing', async () => {
  const before = (await goalsOf(2024, 'plan')).length;
  await assert.rejects(
    copyPlanToNextYear(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 }),
    {
      code: 'CONFLICT',
    },
  );
  assert.equal((await goalsOf(2024, 'plan')).length, before);
});

test('the year-end report copies the plan of Y into the empty review block of Y, achievements empty', async () => {
  await startYearEndReport(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 });
  const plan = await goalsOf(2023, 'plan');
  const review = await goalsOf(2023, 'review');
  assert.deepEqual(
    review.map((g) => [g.title, g.copied_from_goal_id]),
    plan.map((g) => [g.title, g.id]),
  );
  const items = await itemsOf(review.map((g) => g.id));
  assert.ok(items.length > 0);
  assert.ok(
    items.every((i) => i.achievement === null && i.target === null && i.copied_from_item_id !== null),
  );
  await assert.rejects(
    startYearEndReport(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 }),
    {
      code: 'CONFLICT',
    },
  );
  assert.equal((await auditActions(f.db)).at(-1), 'block.start_review');
});

test('copies are refused for other departments, viewers and for a year with no plan', async () => {
  const input = { departmentId: f.departmentId, year: 2024 };
  await assert.rejects(copyPlanToNextYear(f.db.kysely, f.as('editor', f.otherDepartmentId), input), {
    code: 'FORBIDDEN',
  });
  await assert.rejects(copyPlanToNextYear(f.db.kysely, f.as('viewer', null), input), { code: 'FORBIDDEN' });
  await assert.rejects(
    startYearEndReport(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2030 }),
    {
      code: 'NOT_FOUND',
    },
  );
  assert.equal((await goalsOf(2025, 'plan')).length, 0);
});
