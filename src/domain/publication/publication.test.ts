import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublicationMap } from './publication.ts';

const map = new PublicationMap([
  { departmentId: 1, year: 2023, phase: 'goal_setting' },
  { departmentId: 1, year: 2023, phase: 'final' },
  { departmentId: 1, year: 2024, phase: 'goal_setting' },
  // Results published while the targets are not: the year is not public as a whole.
  { departmentId: 2, year: 2023, phase: 'final' },
  { departmentId: 2, year: 2022, phase: 'goal_setting' },
  { departmentId: 2, year: 2022, phase: 'final' },
]);

test('a year is full with both blocks published, plan with the targets only, else none', () => {
  assert.equal(map.of(1, 2023), 'full');
  assert.equal(map.of(1, 2024), 'plan');
  assert.equal(map.of(1, 2025), 'none');
  assert.equal(map.of(2, 2023), 'none');
  assert.equal(map.of(3, 2023), 'none');
});

test('each block follows its own phase', () => {
  assert.equal(map.blockPublic(1, 2024, 'plan'), true);
  assert.equal(map.blockPublic(1, 2024, 'review'), false);
  assert.equal(map.blockPublic(2, 2023, 'review'), true, 'the review block of a year is public on its own');
  assert.equal(map.blockPublic(2, 2023, 'plan'), false);
});

test('entries list the public years; fullYears the fully public ones, newest first', () => {
  const entries = map.entries().sort((a, b) => a.departmentId - b.departmentId || a.year - b.year);
  assert.deepEqual(entries, [
    { departmentId: 1, year: 2023, state: 'full' },
    { departmentId: 1, year: 2024, state: 'plan' },
    { departmentId: 2, year: 2022, state: 'full' },
  ]);
  assert.deepEqual(map.fullYears(), [2023, 2022]);
  assert.deepEqual(new PublicationMap([]).fullYears(), []);
});
