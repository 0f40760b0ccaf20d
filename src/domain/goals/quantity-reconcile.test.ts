import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reconcileQuantities, type StoredQuantity } from './quantity-reconcile.ts';

const extracted = (
  id: number,
  value: number,
  unit: string,
  comparator: string,
  spanText: string,
): StoredQuantity => ({
  id,
  value,
  unit,
  comparator,
  spanText,
  origin: 'extracted',
});

test('an unchanged phrase keeps its row id; a new phrase is inserted; a vanished one removed', () => {
  const old = '説明会 10回以上、参加者 300人';
  const stored = [extracted(1, 10, '回', '>=', '10回以上'), extracted(2, 300, '人', '=', '300人')];
  const plan = reconcileQuantities(old, '参加者 400人、説明会 10回以上', stored, 'actual');
  assert.deepEqual(plan.remove, [2]);
  assert.deepEqual(plan.insert, [
    { value: 400, unit: '人', comparator: '=', spanText: '400人', spanStart: 4, spanEnd: 8, position: 0 },
  ]);
  assert.deepEqual(plan.keep, [{ id: 1, position: 1, spanStart: 13, spanEnd: 18 }]);
});

test('manual quantities stay, and a corrected phrase is not read again beside its correction', () => {
  const old = '説明会 10回以上';
  const corrected: StoredQuantity = {
    id: 5,
    value: 12,
    unit: '回',
    comparator: '>=',
    spanText: '10回以上',
    origin: 'manual',
  };
  const added: StoredQuantity = {
    id: 6,
    value: 3,
    unit: '地区',
    comparator: '=',
    spanText: null,
    origin: 'manual',
  };
  const plan = reconcileQuantities(old, '年度内に 説明会 10回以上、相談 50件', [corrected, added], 'actual');
  assert.deepEqual(
    plan.insert.map((q) => q.spanText),
    ['50件'],
  );
  assert.deepEqual(plan.remove, []);
  assert.deepEqual(
    plan.keep.map((k) => [k.id, k.position, k.spanStart]),
    [
      [5, 0, 9],
      [6, 2, null],
    ],
  );
});

test('an extracted quantity the editor removed stays removed while its phrase is unchanged', () => {
  const old = '説明会 10回以上、参加者 300人';
  const plan = reconcileQuantities(
    old,
    '説明会 10回以上、参加者 300人。',
    [extracted(1, 10, '回', '>=', '10回以上')],
    'actual',
  );
  assert.deepEqual(plan.insert, []);
  assert.deepEqual(
    plan.keep.map((k) => k.id),
    [1],
  );
  const changed = reconcileQuantities(
    old,
    '説明会 10回以上、参加者 350人',
    [extracted(1, 10, '回', '>=', '10回以上')],
    'actual',
  );
  assert.deepEqual(
    changed.insert.map((q) => q.spanText),
    ['350人'],
    'a rewritten phrase is read afresh',
  );
});

test('a note cleared of text drops its extracted quantities but not the manual ones', () => {
  const manual: StoredQuantity = {
    id: 9,
    value: 1,
    unit: '件',
    comparator: '=',
    spanText: null,
    origin: 'manual',
  };
  const plan = reconcileQuantities('10回', '', [extracted(1, 10, '回', '=', '10回'), manual], 'actual');
  assert.deepEqual(plan.remove, [1]);
  assert.deepEqual(plan.keep, [{ id: 9, position: 0, spanStart: null, spanEnd: null }]);
});

test('a manual quantity is anchored on its own phrase, not inside a longer number', () => {
  const manual: StoredQuantity = {
    id: 3,
    value: 2,
    unit: '地区',
    comparator: '=',
    spanText: '2地区',
    origin: 'manual',
  };
  const plan = reconcileQuantities('2地区', '12地区のうち 2地区', [manual], 'actual');
  assert.deepEqual(
    plan.keep.find((k) => k.id === 3),
    { id: 3, position: 1, spanStart: 8, spanEnd: 11 },
  );
});

test('an edited target text stores what it promises, not last year’s result beside it (issue 10)', () => {
  const note = '研修会 年3回以上（令和7年度実績 2回）';
  const asTarget = reconcileQuantities('', note, [], 'target');
  assert.deepEqual(
    asTarget.insert.map((q) => [q.value, q.unit, q.comparator, q.spanText]),
    [[3, '回', '>=', '3回以上']],
  );
  const asActual = reconcileQuantities('', note, [], 'actual');
  assert.deepEqual(
    asActual.insert.map((q) => q.spanText),
    ['3回以上', '2回'],
  );
});
