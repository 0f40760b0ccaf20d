import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { QUANTITY_RANGE_MESSAGE } from '../../format/quantity-range.ts';
import {
  addQuantity,
  copyPlanToNextYear,
  correctQuantity,
  createItem,
  editItem,
  removeQuantity,
} from './goal-edit.service.ts';
import { auditActions, type EditFixture, editFixture } from './goal-edit.testkit.ts';

let f: EditFixture;
let goalId: number;

before(async () => {
  f = await editFixture();
  const copy = await copyPlanToNextYear(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 });
  goalId = copy.goals[0]?.id ?? -1;
});
after(() => f.db.destroy());

test('saving a note re-extracts quantities and keeps manual ones; corrections and removals hold', async () => {
  const item = await createItem(f.db.kysely, f.editor, {
    goalId,
    unit: null,
    text: '相談体制の充実',
    note: '相談 100件、研修 4回',
  });
  const [consult, training] = item.quantities;
  assert.ok(consult && training);
  let current = await correctQuantity(f.db.kysely, f.editor, {
    itemId: item.id,
    quantityId: consult.id,
    itemVersion: item.version,
    value: 120,
    unit: '件',
    comparator: '>=',
  });
  assert.equal(current.quantities[0]?.origin, 'manual');
  current = await removeQuantity(f.db.kysely, f.editor, {
    itemId: item.id,
    quantityId: training.id,
    itemVersion: current.version,
  });
  current = await addQuantity(f.db.kysely, f.editor, {
    itemId: item.id,
    itemVersion: current.version,
    value: 3,
    unit: '地区',
    comparator: '=',
  });
  current = await editItem(f.db.kysely, f.editor, {
    itemId: item.id,
    version: current.version,
    unit: null,
    text: '相談体制の充実',
    note: '相談 100件、研修 4回、年度内に実施',
  });
  assert.deepEqual(
    current.quantities.map((q) => `${q.value}${q.unit}${q.comparator}:${q.origin}`),
    ['120件>=:manual', '3地区=:manual'],
    'the correction is not duplicated and the removed 4回 stays removed',
  );
  current = await editItem(f.db.kysely, f.editor, {
    itemId: item.id,
    version: current.version,
    unit: null,
    text: '相談体制の充実',
    note: '相談 100件、研修 6回',
  });
  assert.deepEqual(
    current.quantities.map((q) => `${q.value}${q.unit}:${q.origin}`),
    ['120件:manual', '6回:extracted', '3地区:manual'],
    'a rewritten phrase is read afresh, in reading order',
  );
});

test('quantity changes are audited with the list before and after, and need the item version', async () => {
  const item = await createItem(f.db.kysely, f.editor, {
    goalId,
    unit: null,
    text: '監査の確認',
    note: '5件',
  });
  const before = (await auditActions(f.db)).length;
  const after = await addQuantity(f.db.kysely, f.editor, {
    itemId: item.id,
    itemVersion: item.version,
    value: 7,
    unit: '件',
    comparator: '<=',
  });
  assert.equal(after.version, item.version + 1);
  const row = await f.db.kysely
    .selectFrom('audit_event')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal((await auditActions(f.db)).length, before + 1);
  assert.equal(row.action, 'quantity.add');
  assert.equal(JSON.parse(row.before_json ?? '[]').length, 1);
  assert.equal(JSON.parse(row.after_json ?? '[]').length, 2);
  await assert.rejects(
    addQuantity(f.db.kysely, f.editor, {
      itemId: item.id,
      itemVersion: item.version,
      value: 1,
      unit: '件',
      comparator: '=',
    }),
    { code: 'STALE' },
  );
  await assert.rejects(
    addQuantity(f.db.kysely, f.editor, {
      itemId: item.id,
      itemVersion: after.version,
      value: 1,
      unit: ' ',
      comparator: '=',
    }),
    { code: 'INVALID_INPUT' },
  );
});

test('a correction or addition out of the quantity range is refused on the value field (issue 13, defect 6)', async () => {
  const item = await createItem(f.db.kysely, f.editor, { goalId, unit: null, text: '範囲', note: '5件' });
  const [first] = item.quantities;
  assert.ok(first);
  for (const value of [1e16, Number.POSITIVE_INFINITY, -1e300]) {
    await assert.rejects(
      correctQuantity(f.db.kysely, f.editor, {
        itemId: item.id,
        quantityId: first.id,
        itemVersion: item.version,
        value,
        unit: '件',
        comparator: '=',
      }),
      (error: unknown) =>
        error instanceof AppError && error.code === 'INVALID_INPUT' && error.location.field === 'value',
    );
  }
  await assert.rejects(
    addQuantity(f.db.kysely, f.editor, {
      itemId: item.id,
      itemVersion: item.version,
      value: 2e15,
      unit: '件',
      comparator: '=',
    }),
    { code: 'INVALID_INPUT', message: QUANTITY_RANGE_MESSAGE },
  );
  const kept = await addQuantity(f.db.kysely, f.editor, {
    itemId: item.id,
    itemVersion: item.version,
    value: 1e15,
    unit: '円',
    comparator: '=',
  });
  assert.equal(kept.quantities.at(-1)?.value, 1e15);
});

test('a target note saved in the editor stores its promises only: last year’s result is no target (issue 10)', async () => {
  const item = await createItem(f.db.kysely, f.editor, {
    goalId,
    unit: null,
    text: '研修会の開催',
    note: '研修会 年3回以上（令和7年度実績 2回）',
  });
  assert.deepEqual(
    item.quantities.map((q) => [q.value, q.unit, q.comparator, q.kind]),
    [[3, '回', '>=', 'target']],
  );
  const edited = await editItem(f.db.kysely, f.editor, {
    itemId: item.id,
    version: item.version,
    unit: null,
    text: '研修会の開催',
    note: '令和7年度実績2回に対し、1回を追加',
  });
  assert.deepEqual(
    edited.quantities.map((q) => [q.value, q.unit, q.comparator, q.spanText]),
    [[3, '回', '>=', '2回に対し、1回を追加']],
  );
});
