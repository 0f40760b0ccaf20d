import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUnit } from '../../test-support/seed.ts';
import {
  addQuantity,
  copyPlanToNextYear,
  createItem,
  deleteItem,
  editItem,
  moveItem,
  removeQuantity,
} from './goal-edit.service.ts';
import { auditActions, type EditFixture, editFixture, setBlockState } from './goal-edit.testkit.ts';
import { StaleError } from './goal-edit.types.ts';

let f: EditFixture;
let goalId: number;

before(async () => {
  f = await editFixture();
  const copy = await copyPlanToNextYear(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 });
  goalId = copy.goals[0]?.id ?? -1;
});
after(() => f.db.destroy());

const items = () =>
  f.db.kysely
    .selectFrom('item')
    .leftJoin('department', 'department.id', 'item.unit_id')
    .select(['item.id', 'item.no', 'item.text', 'item.target', 'item.version', 'department.name as unit'])
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .execute();

test('create with a new sub-unit, edit, move and delete items of a goal, each audited', async () => {
  const auditBefore = (await auditActions(f.db)).length;
  const created = await createItem(f.db.kysely, f.editor, {
    goalId,
    unit: { name: '南部地域自治センター' },
    text: '地域懇談会の開催',
    note: '懇談会 6回以上',
  });
  assert.equal(created.no, 3);
  assert.equal(created.unitName, '南部地域自治センター');
  assert.deepEqual(
    created.quantities.map((q) => [q.value, q.unit, q.comparator, q.origin]),
    [[6, '回', '>=', 'extracted']],
  );
  const unit = await f.db.kysely
    .selectFrom('department')
    .selectAll()
    .where('id', '=', created.unitId ?? -1)
    .executeTakeFirstOrThrow();
  assert.equal(unit.parent_id, f.departmentId, 'the typed name became a sub-unit of the department');
  const edited = await editItem(f.db.kysely, f.editor, {
    itemId: created.id,
    version: created.version,
    no: 3,
    unit: null,
    text: '地域懇談会の開催と記録の公開',
    note: '懇談会 8回以上',
  });
  assert.equal(edited.unitId, null);
  assert.equal(edited.note, '懇談会 8回以上');
  const moved = await moveItem(f.db.kysely, f.editor, {
    itemId: created.id,
    version: edited.version,
    direction: 'up',
  });
  assert.equal(moved.no, 2);
  assert.deepEqual(
    (await items()).map((i) => `${i.no}:${i.text}`),
    ['1:取組項目1の内容', '2:地域懇談会の開催と記録の公開', '3:取組項目2の内容'],
  );
  await deleteItem(f.db.kysely, f.editor, { itemId: created.id, version: moved.version });
  assert.deepEqual(
    (await items()).map((i) => `${i.no}:${i.unit}`),
    ['1:null', '2:北部地域自治センター'],
  );
  assert.deepEqual((await auditActions(f.db)).slice(auditBefore), [
    'item.create',
    'item.update',
    'item.move',
    'item.delete',
  ]);
});

test('choosing a unit of another department is refused', async () => {
  const foreign = await addUnit(f.db.kysely, f.municipalityId, f.otherDepartmentId, '他部の課');
  await assert.rejects(
    createItem(f.db.kysely, f.editor, { goalId, unit: { id: foreign }, text: 'x', note: '' }),
    {
      code: 'INVALID_INPUT',
    },
  );
});

test('STALE on an item carries the stored item (text and quantities) and writes nothing', async () => {
  const item = await createItem(f.db.kysely, f.editor, {
    goalId,
    unit: null,
    text: '元の内容',
    note: '10件',
  });
  const other = f.as('editor');
  await editItem(f.db.kysely, other, {
    itemId: item.id,
    version: item.version,
    unit: null,
    text: '先の内容',
    note: '20件',
  });
  const before = (await auditActions(f.db)).length;
  const save = {
    itemId: item.id,
    version: item.version,
    unit: { name: '新設課' },
    text: '後の内容',
    note: '30件',
  };
  await assert.rejects(editItem(f.db.kysely, f.editor, save), (error: unknown) => {
    assert.ok(error instanceof StaleError && error.current.entity === 'item');
    assert.equal(error.current.item?.text, '先の内容');
    assert.equal(error.current.item?.note, '20件');
    assert.deepEqual(
      error.current.item?.quantities.map((q) => q.value),
      [20],
    );
    return true;
  });
  const quantityId = item.quantities[0]?.id ?? -1;
  await assert.rejects(
    removeQuantity(f.db.kysely, f.editor, { itemId: item.id, quantityId, itemVersion: item.version }),
    {
      code: 'STALE',
    },
  );
  await assert.rejects(deleteItem(f.db.kysely, f.editor, { itemId: item.id, version: item.version }), {
    code: 'STALE',
  });
  const stored = (await items()).find((i) => i.id === item.id);
  assert.equal(stored?.text, '先の内容');
  assert.equal((await auditActions(f.db)).length, before);
  const unit = await f.db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '新設課')
    .executeTakeFirst();
  assert.equal(unit, undefined, 'the refused save created no sub-unit');
});

test('items of a locked block, or of another department, cannot be changed', async () => {
  const item = await createItem(f.db.kysely, f.editor, { goalId, unit: null, text: '確認', note: '' });
  const edit = { itemId: item.id, version: item.version, unit: null, text: 'x', note: '' };
  for (const actor of [f.as('editor', f.otherDepartmentId), f.as('viewer', null), f.as('approver')]) {
    await assert.rejects(editItem(f.db.kysely, actor, edit), { code: 'FORBIDDEN' });
    await assert.rejects(
      addQuantity(f.db.kysely, actor, {
        itemId: item.id,
        itemVersion: item.version,
        value: 1,
        unit: '件',
        comparator: '=',
      }),
      { code: 'FORBIDDEN' },
    );
  }
  const address = { departmentId: f.departmentId, year: 2024, block: 'plan' as const };
  for (const state of ['submitted', 'approved', 'published'] as const) {
    await setBlockState(f.db, address, state);
    await assert.rejects(editItem(f.db.kysely, f.editor, edit), { code: 'LOCKED' });
    await assert.rejects(createItem(f.db.kysely, f.editor, { goalId, unit: null, text: 'x', note: '' }), {
      code: 'LOCKED',
    });
  }
  await setBlockState(f.db, address, 'draft');
});
