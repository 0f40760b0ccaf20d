import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAsOfs, parseAsOf, resolveAsOf } from './as-of.ts';

const cases: [string, number, string | null][] = [
  // text, fiscal year, expected
  ['交付率 3/1現在 78.9%', 2023, '2024-03-01'],
  ['4/1現在 待機児童数 0人', 2023, '2023-04-01'],
  ['１０／１現在', 2023, '2023-10-01'],
  ['R5.3月末 寄附件数', 2022, '2023-03-31'],
  ['R4.3月末', 2023, '2022-03-31'],
  ['令和6年3月31日現在 1,024人', 2023, '2024-03-31'],
  ['令和元年5月1日時点', 2019, '2019-05-01'],
  ['平成31年3月末', 2018, '2019-03-31'],
  ['2024年2月末', 2023, '2024-02-29'],
  ['3月末現在 86か所', 2023, '2024-03-31'],
  ['12月現在', 2023, '2023-12-31'],
  // deadlines and events are not as-of dates
  ['12月まで', 2023, null],
  ['10月に開設（相談件数 412件）', 2023, null],
  ['令和5年3月 策定', 2022, null],
  ['目標40.0%', 2023, null],
  ['13/1現在', 2023, null],
];

for (const [text, year, expected] of cases) {
  test(`parseAsOf(${text}, ${year}) = ${expected}`, () => {
    assert.equal(parseAsOf(text, year), expected);
  });
}

test('findAsOfs gives every date with its span in the original text', () => {
  const text = '目標40.0%→3/1現在36.3%';
  const [found] = findAsOfs(text, 2021);
  assert.ok(found);
  assert.equal(text.slice(found.start, found.end), '3/1現在');
  assert.equal(found.iso, '2022-03-01');
});

test("resolveAsOf takes the target's year when the actual repeats its month and day without one", () => {
  const [actual] = findAsOfs('4/1現在 待機児童数 0人', 2023);
  const [target] = findAsOfs('令和6年4月1日現在 待機児童数 0人', 2023);
  assert.equal(resolveAsOf(actual, target), '2024-04-01');
  const [other] = findAsOfs('令和6年3月31日現在', 2023);
  assert.equal(resolveAsOf(actual, other), '2023-04-01');
  assert.equal(resolveAsOf(undefined, target), null);
});
