import assert from 'node:assert/strict';
import { test } from 'node:test';
import { achievementRate, gradingRate } from './rate.ts';

const cases: [string, number, string, number, { rate: number; met: boolean }][] = [
  // label, target, comparator, actual, expected
  ['>= over', 2500, '>=', 2960, { rate: 118.4, met: true }],
  ['>= exactly', 30, '>=', 30, { rate: 100, met: true }],
  ['>= short', 8000, '>=', 6240, { rate: 78, met: false }],
  ['= reached', 4, '=', 4, { rate: 100, met: true }],
  ['= short', 5, '=', 4, { rate: 80, met: false }],
  ['> equal is not met', 40, '>', 40, { rate: 100, met: false }],
  ['<= under (inverted)', 300, '<=', 287, { rate: 104.5, met: true }],
  ['<= over (inverted)', 5, '<=', 6, { rate: 83.3, met: false }],
  ['<= actual 0 is achieved at 100 %', 5, '<=', 0, { rate: 100, met: true }],
  ['< equal is not met', 20, '<', 20, { rate: 100, met: false }],
  ['target 0 with <=, actual 0', 0, '<=', 0, { rate: 100, met: true }],
  ['target 0 with <=, actual 3', 0, '<=', 3, { rate: 0, met: false }],
  ['target 0 with = (待機児童 0人), actual 0', 0, '=', 0, { rate: 100, met: true }],
  ['target 0 with =, actual 2', 0, '=', 2, { rate: 0, met: false }],
  ['target 0 with >=', 0, '>=', 5, { rate: 100, met: true }],
  ['money in yen', 15000000, '<=', 16820000, { rate: 89.2, met: false }],
];

for (const [label, target, comparator, actual, expected] of cases) {
  test(`achievementRate: ${label}`, () => {
    assert.deepEqual(achievementRate({ value: target, comparator }, actual), expected);
  });
}

test('gradingRate keeps a target that is not met below 100 % and one that is met at 100 % or more', () => {
  assert.equal(gradingRate({ rate: 100, met: false }), 99.9);
  assert.equal(gradingRate({ rate: 83.3, met: false }), 83.3);
  assert.equal(gradingRate({ rate: 100, met: true }), 100);
  assert.equal(gradingRate({ rate: 130, met: true }), 130);
});
