import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDocument } from '../../test-support/factories.ts';
import type { TableExport } from '../types.ts';
import { itemColumns, quantityColumns } from './columns.ts';
import { itemsRows, quantityRows } from './rows.ts';

const table = (planYear: number, department = 'テスト部'): TableExport => ({
  municipality: { code: 'test', name: 'テスト市', localGovCode: '131016' },
  department: { id: 1, name: department },
  document: makeDocument({ department, planYear }),
});

function record(columns: typeof itemColumns, row: readonly unknown[]): Record<string, unknown> {
  assert.equal(row.length, columns.length);
  return Object.fromEntries(columns.map((c, i) => [c.name, row[i]]));
}

test('items: one row per item of both blocks, review first, with 西暦 beside 和暦', () => {
  const { columns, rows } = itemsRows([table(2023)]);
  assert.equal(columns, itemColumns);
  // makeDocument: review 2 goals (2 + 1 items), plan 2 goals (2 + 1 items).
  assert.equal(rows.length, 6);
  const first = record(columns, rows[0]!);
  assert.deepEqual(first, {
    自治体コード: '131016',
    自治体名: 'テスト市',
    担当部局名: 'テスト部',
    区分コード: 'review',
    区分: '前年度実績',
    '年度（西暦）': 2022,
    '年度（和暦）': '令和4年度',
    重点目標番号: 1,
    重点目標: '重点目標1',
    取組番号: 1,
    担当課等: null,
    具体的な重点取組項目: '取組項目1の内容',
    記述項目: '達成状況・達成度',
    記述: '説明会を12回開催（参加者 340人）',
    数量の件数: 2,
  });
  const planUnit = record(columns, rows[4]!);
  assert.equal(planUnit.区分コード, 'plan');
  assert.equal(planUnit['年度（和暦）'], '令和5年度');
  assert.equal(planUnit.担当課等, '北部地域自治センター');
  assert.equal(planUnit.記述項目, '期限・数値目標等');
  assert.equal(planUnit.記述, '待機児童 0人以下');
});

test('items of several tables follow the tables’ order', () => {
  const { rows } = itemsRows([table(2023, 'A部'), table(2023, 'B部')]);
  assert.deepEqual(
    rows.map((r) => r[2]),
    [...Array(6).fill('A部'), ...Array(6).fill('B部')],
  );
});

test('quantities: one row per quantity, value a number, unit and comparator in their own columns', () => {
  const { columns, rows } = quantityRows([table(2023)]);
  assert.equal(columns, quantityColumns);
  const objects = rows.map((r) => record(columns, r));
  const money = objects.find((o) => o.単位 === '円');
  assert.deepEqual(money, {
    自治体コード: '131016',
    担当部局名: 'テスト部',
    区分コード: 'review',
    区分: '前年度実績',
    '年度（西暦）': 2022,
    '年度（和暦）': '令和4年度',
    重点目標番号: 1,
    取組番号: 2,
    数量番号: 1,
    数量の種別: '実績',
    値: 4200000,
    単位: '円',
    比較: '等しい',
    比較記号: '=',
    原文: money?.原文,
  });
  assert.match(String(money?.原文), /4,200千円/);
  const meetings = objects.find((o) => o.区分コード === 'plan' && o.単位 === '回');
  assert.equal(meetings?.値, 10);
  assert.equal(meetings?.比較, '以上');
  assert.equal(meetings?.比較記号, '>=');
  assert.equal(meetings?.数量の種別, '目標');
  const secondInItem = objects.find((o) => o.数量番号 === 2);
  assert.equal(secondInItem?.単位, '人');
  assert.equal(secondInItem?.値, 340);
});

test('a municipality without a 全国地方公共団体コード leaves 自治体コード empty, never the slug', () => {
  const unset: TableExport = { ...table(2023), municipality: { code: 'test', name: 'テスト市' } };
  for (const row of [...itemsRows([unset]).rows, ...quantityRows([unset]).rows]) {
    assert.equal(row[0], null);
  }
});
