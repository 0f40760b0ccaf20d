import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureDepartment } from '../departments/department.repo.ts';
import { copyPlanToNextYear, createItem, editGoal } from './goal-edit.service.ts';
import { auditActions, type EditFixture, editFixture, setBlockState } from './goal-edit.testkit.ts';
import { GoalFormInvalid, GoalFormStale, type GoalSaveInput, saveGoalForm } from './goal-save.service.ts';

let f: EditFixture;
let goalId: number;

before(async () => {
  f = await editFixture();
  const copy = await copyPlanToNextYear(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 });
  goalId = copy.goals[0]?.id ?? -1;
  await createItem(f.db.kysely, f.editor, { goalId, unit: null, text: '二つ目の取組', note: '会議 4回' });
});
after(() => f.db.destroy());

const stored = async () => {
  const goal = await f.db.kysely
    .selectFrom('goal')
    .select(['id', 'title', 'version'])
    .where('id', '=', goalId)
    .executeTakeFirstOrThrow();
  const items = await f.db.kysely
    .selectFrom('item')
    .select(['id', 'no', 'text', 'target', 'unit_id', 'version'])
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .execute();
  return { goal, items };
};

/** The form as the page would post it, unchanged: every row at the version it was loaded with. */
async function formOf(): Promise<GoalSaveInput> {
  const { goal, items } = await stored();
  return {
    goalId,
    version: goal.version,
    title: goal.title,
    items: items.map((i) => ({
      itemId: i.id,
      version: i.version,
      no: i.no,
      unit: i.unit_id === null ? null : { id: i.unit_id },
      text: i.text,
      note: i.target ?? '',
    })),
  };
}

test('the title and an item saved together in one call; unchanged rows keep their versions', async () => {
  const form = await formOf();
  assert.ok(form.items.length >= 2);
  const auditBefore = (await auditActions(f.db)).length;
  const second = form.items[1];
  assert.ok(second);
  const result = await saveGoalForm(f.db.kysely, f.editor, {
    ...form,
    title: '書き直した重点目標',
    items: form.items.map((i) => (i === second ? { ...i, text: '書き直した取組②', note: '会議 6回' } : i)),
  });
  assert.equal(result.changed, 2);
  const after = await stored();
  assert.equal(after.goal.title, '書き直した重点目標');
  assert.equal(after.items[1]?.text, '書き直した取組②');
  assert.equal(after.items[1]?.target, '会議 6回');
  assert.equal(after.items[0]?.version, form.items[0]?.version, 'the untouched item was not written');
  assert.deepEqual((await auditActions(f.db)).slice(auditBefore), ['goal.update', 'item.update']);
  const quantities = await f.db.kysely
    .selectFrom('quantity')
    .select('value')
    .where('item_id', '=', second.itemId)
    .execute();
  assert.deepEqual(
    quantities.map((q) => q.value),
    [6],
    'the changed note was read again',
  );
});

test('an invalid item means nothing is saved, and every wrong field is named', async () => {
  const form = await formOf();
  const before = await stored();
  const auditBefore = (await auditActions(f.db)).length;
  const [first, second] = form.items;
  assert.ok(first && second);
  const input = {
    ...form,
    title: 'タイトルは正しい',
    items: [
      { ...first, text: '正しい変更' },
      { ...second, text: '  ', no: Number.NaN },
    ],
  };
  await assert.rejects(saveGoalForm(f.db.kysely, f.editor, input), (error: unknown) => {
    assert.ok(error instanceof GoalFormInvalid);
    assert.deepEqual(error.issues, [
      { target: `item-${second.itemId}`, field: 'no' },
      { target: `item-${second.itemId}`, field: 'text' },
    ]);
    return true;
  });
  assert.deepEqual(await stored(), before);
  assert.equal((await auditActions(f.db)).length, auditBefore);
});

test('a failure after the title was written rolls the whole save back', async () => {
  const form = await formOf();
  const before = await stored();
  const foreign = await ensureDepartment(f.db.kysely, f.municipalityId, 'よその課', f.otherDepartmentId);
  const [first, second] = form.items;
  assert.ok(first && second);
  const input = {
    ...form,
    title: '書かれてはいけない題',
    items: [first, { ...second, text: 'これも', unit: { id: foreign.id } }],
  };
  await assert.rejects(saveGoalForm(f.db.kysely, f.editor, input), { code: 'INVALID_INPUT' });
  assert.deepEqual(await stored(), before, 'the goal title written first was rolled back');
});

test('a row another user saved meanwhile makes the save stale; nothing is overwritten', async () => {
  const form = await formOf();
  await editGoal(f.db.kysely, f.as('editor'), { goalId, version: form.version, title: '他の人の題' });
  const before = await stored();
  const [first] = form.items;
  assert.ok(first);
  const input = { ...form, title: '私の題', items: [{ ...first, text: '私の取組' }, ...form.items.slice(1)] };
  await assert.rejects(saveGoalForm(f.db.kysely, f.editor, input), (error: unknown) => {
    assert.ok(error instanceof GoalFormStale);
    assert.equal(error.goal?.title, '他の人の題');
    return true;
  });
  assert.deepEqual(await stored(), before);
});

test('a locked block or another department refuses the form', async () => {
  const form = await formOf();
  for (const actor of [f.as('editor', f.otherDepartmentId), f.as('viewer', null)]) {
    await assert.rejects(saveGoalForm(f.db.kysely, actor, { ...form, title: 'x' }), { code: 'FORBIDDEN' });
  }
  const address = { departmentId: f.departmentId, year: 2024, block: 'plan' as const };
  await setBlockState(f.db, address, 'submitted');
  await assert.rejects(saveGoalForm(f.db.kysely, f.editor, { ...form, title: 'x' }), { code: 'LOCKED' });
  await setBlockState(f.db, address, 'draft');
});
