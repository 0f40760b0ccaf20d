import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDocument, makeGoal, makeItem } from '../../test-support/factories.ts';
import type { TableExport } from '../types.ts';
import { exportCsv, unencodableNotice } from './csv.exporter.ts';
import { asObjects, parseCp932Csv, parseUtf8Csv } from './parse-csv.testkit.ts';

function tableWith(text: string, achievement: string): TableExport {
  const document = makeDocument({
    review: { fiscalYear: 2022, goals: [makeGoal(1, [makeItem(1, { text, achievement })], '𠮷の目標')] },
    plan: { fiscalYear: 2023, goals: [] },
  });
  return { municipality: { code: 'c', name: '市' }, department: { id: 1, name: 'テスト部' }, document };
}

test('UTF-8 items CSV: labelled as CSV, every character kept, no notice', () => {
  const out = exportCsv([tableWith('𠮷野家と😀', '=1+1 を達成')], { table: 'items', encoding: 'utf8' });
  assert.equal(out.contentType, 'text/csv; charset=utf-8');
  assert.equal(out.extension, 'csv');
  assert.equal(out.notices, undefined);
  assert.ok(out.body instanceof Uint8Array);
  const [row] = asObjects(parseUtf8Csv(out.body));
  assert.equal(row?.具体的な重点取組項目, '𠮷野家と😀');
  assert.equal(row?.記述, "'=1+1 を達成");
});

test('CP932 items CSV: Shift_JIS label, and a Japanese notice naming row, column and character', () => {
  const out = exportCsv([tableWith('𠮷野家と😀', '達成')], { table: 'items', encoding: 'cp932' });
  assert.equal(out.contentType, 'text/csv; charset=Shift_JIS');
  assert.deepEqual(out.notices, [
    'CP932 で表せない文字 3 件を「〓」に置き換えました: 2行目 重点目標 「𠮷」、2行目 具体的な重点取組項目 「𠮷」、2行目 具体的な重点取組項目 「😀」',
  ]);
  assert.ok(out.body instanceof Uint8Array);
  assert.equal(asObjects(parseCp932Csv(out.body))[0]?.具体的な重点取組項目, '〓野家と〓');
});

test('quantities CSV comes from the same tables', () => {
  const out = exportCsv([tableWith('項目', '説明会を12回開催')], { table: 'quantities' });
  assert.ok(out.body instanceof Uint8Array);
  const rows = asObjects(parseUtf8Csv(out.body));
  assert.deepEqual(
    rows.map((r) => [r.値, r.単位, r.比較]),
    [['12', '回', '等しい']],
  );
});

test('a long list of replacements is cut after 20 and counted', () => {
  const list = Array.from({ length: 25 }, (_, i) => ({ row: i + 2, column: '記述', char: '😀' }));
  const notice = unencodableNotice(list);
  assert.match(notice, /^CP932 で表せない文字 25 件を/);
  assert.match(notice, /21行目 記述 「😀」 ほか 5 件$/);
  assert.doesNotMatch(notice, /22行目/);
});
