import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ItemEvaluation } from './evaluation.types.ts';
import { describeScale, GRADE_PRESETS, gradeOf, representativeRate, validBands } from './grades.ts';
import { summariseGoal } from './rollup.ts';

const { achievement, abc, a_to_d, s_to_c } = GRADE_PRESETS;

test('each preset grades by its bands', () => {
  const table: [number, string, string, string, string][] = [
    [130, '達成', 'A', 'A', 'S'],
    [100, '達成', 'A', 'A', 'A'],
    [99.9, '概ね達成', 'B', 'B', 'B'],
    [80, '概ね達成', 'B', 'B', 'B'],
    [65, '未達成', 'C', 'C', 'C'],
    [59.9, '未達成', 'C', 'D', 'C'],
    [0, '未達成', 'C', 'D', 'C'],
  ];
  for (const [rate, ...expected] of table) {
    assert.deepEqual(
      [achievement, abc, a_to_d, s_to_c].map((s) => gradeOf(s, rate)),
      expected,
      `rate ${rate}`,
    );
  }
  assert.equal(describeScale(achievement), '達成 ≥100% / 概ね達成 ≥80% / 未達成 <80%');
});

test('custom bands must be distinct, descending and end at 0', () => {
  assert.deepEqual(
    validBands([
      { label: '◎', minRate: 90 },
      { label: '×', minRate: 0 },
    ]).length,
    2,
  );
  for (const bad of [
    [{ label: 'A', minRate: 0 }],
    [
      { label: 'A', minRate: 80 },
      { label: 'A', minRate: 0 },
    ],
    [
      { label: 'A', minRate: 50 },
      { label: 'B', minRate: 80 },
      { label: 'C', minRate: 0 },
    ],
    [
      { label: 'A', minRate: 100 },
      { label: 'B', minRate: 50 },
    ],
    [
      { label: ' ', minRate: 100 },
      { label: 'B', minRate: 0 },
    ],
  ]) {
    assert.throws(() => validBands(bad), { code: 'INVALID_INPUT' }, JSON.stringify(bad));
  }
});

test('a self-assessed grade stands for the middle of its band, the top band for its lower bound', () => {
  assert.equal(representativeRate(a_to_d, 'A'), 100);
  assert.equal(representativeRate(a_to_d, 'B'), 90);
  assert.equal(representativeRate(a_to_d, 'D'), 30);
  assert.equal(representativeRate(a_to_d, '達成'), null);
});

const numeric = (rate: number | null, grade: string | null): ItemEvaluation => ({
  id: 1,
  no: 1,
  text: 't',
  target: null,
  unit: null,
  kind: 'numeric',
  reviewItem: null,
  targets: [],
  selfAssessment: null,
  rate,
  grade,
  status: rate === null ? 'unreported' : 'achieved',
});

test('a goal is the mean of its graded items; unreported items do not count; worst grade alongside', () => {
  const qualitative: ItemEvaluation = {
    ...numeric(null, '未達成'),
    kind: 'qualitative',
    status: 'qualitative',
  };
  const goal = summariseGoal(achievement, [
    numeric(120, '達成'),
    numeric(80, '概ね達成'),
    numeric(null, null),
    qualitative,
  ]);
  // (120 + 80 + 40) / 3
  assert.equal(goal.rate, 80);
  assert.equal(goal.grade, '概ね達成');
  assert.equal(goal.worstGrade, '未達成');
  assert.equal(goal.status, 'partly');
  assert.deepEqual(summariseGoal(achievement, [numeric(null, null)]), {
    rate: null,
    grade: null,
    worstGrade: null,
    status: 'ungraded',
  });
});
