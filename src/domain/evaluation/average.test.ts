import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averageOf, averageText, RATE_CAP } from './average.ts';
import type { GoalEvaluation, TargetEvaluation } from './evaluation.types.ts';
import { GRADE_PRESETS } from './grades.ts';

const target = (rate: number | null, met: boolean | null): TargetEvaluation =>
  ({ rate, met, status: rate === null ? 'unreported' : met ? 'achieved' : 'not' }) as TargetEvaluation;
const goal = (...targets: TargetEvaluation[]): GoalEvaluation =>
  ({ items: [{ targets }] }) as unknown as GoalEvaluation;

test('the average runs over reported targets only and says how many are 未報告', () => {
  const goals = [goal(target(100, true), target(null, null)), goal(target(80, false), target(null, null))];
  const a = averageOf(GRADE_PRESETS.achievement, goals);
  assert.deepEqual(a, { rate: 90, grade: '概ね達成', reported: 2, unreported: 2 });
  assert.equal(averageText(a), '平均達成率 90.0%（報告済み 2 件・未報告 2 件）');
});

test('each target counts once and at most RATE_CAP; a miss never counts as 100 %', () => {
  const a = averageOf(GRADE_PRESETS.achievement, [goal(target(300, true)), goal(target(50, false))]);
  assert.equal(a.rate, (RATE_CAP + 50) / 2, '300 % counts as 120 %');
  assert.equal(a.reported, 2);
  // An unmet target that rounds to 100.0 % still counts below the pass mark.
  const miss = averageOf(GRADE_PRESETS.achievement, [goal(target(100, false))]);
  assert.deepEqual([miss.rate, miss.grade], [99.9, '概ね達成']);
});

test('nothing reported: no rate, and the text says so instead of 0 %', () => {
  const a = averageOf(GRADE_PRESETS.achievement, [goal(target(null, null), target(null, null))]);
  assert.deepEqual(a, { rate: null, grade: null, reported: 0, unreported: 2 });
  assert.equal(averageText(a), '平均達成率 —（報告済み 0 件・未報告 2 件）');
  assert.deepEqual(averageOf(GRADE_PRESETS.achievement, []), {
    rate: null,
    grade: null,
    reported: 0,
    unreported: 0,
  });
});
