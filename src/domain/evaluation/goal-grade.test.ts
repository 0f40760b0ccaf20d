import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Assessment } from '../../db/tables/workflow.ts';
import type { GoalStatus } from './evaluation.types.ts';
import { type GoalSelfRating, goalGrade, selfGradeOf } from './goal-grade.ts';
import { GRADE_PRESETS } from './grades.ts';

const { achievement, abc, a_to_d, s_to_c } = GRADE_PRESETS;
const rating = (assessment: Assessment, reason = ''): GoalSelfRating => ({
  assessment,
  reason,
  by: 'editor',
  updatedAt: '2027-05-01T00:00:00.000Z',
});
const computed = (rate: number | null, grade: string | null, status: GoalStatus = 'ungraded') => ({
  rate,
  grade,
  status,
});

test('a rating reads in every preset through the rate it stands for', () => {
  const read = (a: Assessment) => [achievement, abc, a_to_d, s_to_c].map((s) => selfGradeOf(s, a));
  assert.deepEqual(read('achieved'), ['達成', 'A', 'A', 'A']);
  assert.deepEqual(read('mostly'), ['概ね達成', 'B', 'B', 'B']);
  assert.deepEqual(read('not_achieved'), ['未達成', 'C', 'D', 'C']);
});

test('without numeric targets the department rating is the grade, not 未評価', () => {
  const g = goalGrade(achievement, {
    hasTargets: false,
    computed: computed(null, null),
    self: rating('achieved'),
  });
  assert.deepEqual([g.grade, g.source, g.status, g.disagrees], ['達成', 'self', 'achieved', false]);
  assert.equal(g.selfAssessment?.grade, '達成');
});

test('with reported targets the computed grade stands, the rating beside it, a disagreement flagged', () => {
  const agree = goalGrade(achievement, {
    hasTargets: true,
    computed: computed(104, '達成', 'achieved'),
    self: rating('achieved'),
  });
  assert.deepEqual([agree.grade, agree.source, agree.disagrees], ['達成', 'computed', false]);
  const differ = goalGrade(achievement, {
    hasTargets: true,
    computed: computed(95, '概ね達成', 'partly'),
    self: rating('achieved', '満足度が高い'),
  });
  assert.deepEqual([differ.grade, differ.source, differ.disagrees], ['概ね達成', 'computed', true]);
  assert.equal(differ.selfAssessment?.reason, '満足度が高い');
  // S on the S–C scale is still "achieved": no disagreement with a rating of 達成 (read as A).
  const s = goalGrade(s_to_c, {
    hasTargets: true,
    computed: computed(125, 'S', 'achieved'),
    self: rating('achieved'),
  });
  assert.deepEqual([s.grade, s.disagrees], ['S', false]);
});

test('targets all 未報告: the rating is the grade until actuals come in; nothing at all is 未評価', () => {
  const waiting = goalGrade(achievement, {
    hasTargets: true,
    computed: computed(null, null),
    self: rating('mostly'),
  });
  assert.deepEqual([waiting.grade, waiting.source, waiting.disagrees], ['概ね達成', 'self', false]);
  const none = goalGrade(achievement, { hasTargets: true, computed: computed(null, null), self: null });
  assert.deepEqual([none.grade, none.source, none.selfAssessment], [null, null, null]);
});

test('self-assessed items without a goal rating keep their computed grade', () => {
  const g = goalGrade(abc, { hasTargets: false, computed: computed(90, 'B', 'partly'), self: null });
  assert.deepEqual([g.grade, g.source, g.disagrees], ['B', 'computed', false]);
  const rated = goalGrade(abc, {
    hasTargets: false,
    computed: computed(90, 'B', 'partly'),
    self: rating('not_achieved'),
  });
  assert.deepEqual([rated.grade, rated.source, rated.disagrees], ['C', 'self', true]);
});
