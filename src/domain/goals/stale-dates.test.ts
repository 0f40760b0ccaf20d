import assert from 'node:assert/strict';
import { test } from 'node:test';
import { staleDateHint, staleDates } from './stale-dates.ts';

const texts = (text: string, year: number) => staleDates(text, year).map((d) => d.text);

test('a 令和7年度末 deadline copied into 令和8年度 is stale; the same in 令和7年度 is not', () => {
  assert.deepEqual(texts('令和7年度末までに 30件以上', 2026), ['令和7年度末']);
  assert.deepEqual(texts('令和7年度末までに 30件以上', 2025), []);
  assert.deepEqual(texts('令和8年度末までに', 2026), []);
});

test('era forms, western years, months and full-width digits', () => {
  assert.deepEqual(texts('R7年度中に完了', 2026), ['R7年度中']);
  assert.deepEqual(texts('Ｒ７年度', 2026), ['Ｒ７年度']);
  assert.deepEqual(texts('平成31年3月策定の計画を改定（令和元年度）', 2026), ['平成31年3月', '令和元年度']);
  assert.deepEqual(texts('2025年度末 45%', 2026), ['2025年度末']);
  // March of the calendar year the fiscal year starts in is still the year before.
  assert.deepEqual(texts('令和8年3月末までに', 2026), ['令和8年3月末']);
  assert.deepEqual(texts('令和8年4月から', 2026), []);
  assert.deepEqual(texts('2026年９月', 2026), []);
});

test('what is not a date is left alone', () => {
  assert.deepEqual(texts('3年間で100件、年度内に2回', 2026), []);
  assert.deepEqual(texts('令和7年に策定', 2026), [], 'a bare calendar year is not read');
  assert.deepEqual(texts('令和7年13月', 2026), [], 'no month 13');
});

test('offsets point at the date, and the hint says what to do in Japanese', () => {
  const dates = staleDates('期限：令和7年度末', 2026);
  assert.equal(dates[0]?.index, 3);
  assert.equal(
    staleDateHint(dates, '令和8年度'),
    '「令和7年度末」は令和8年度が始まる前の日付です。前年度からコピーした目標であれば、期限や時期を令和8年度に合わせて見直してください。',
  );
  assert.equal(staleDateHint([], '令和8年度'), undefined);
});
