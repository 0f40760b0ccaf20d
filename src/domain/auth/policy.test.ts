import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from './actor.ts';
import { authorize, can } from './policy.ts';

const editorOf = (departmentId: number): Actor => ({
  userId: 1,
  login: 'ed',
  municipalityId: 1,
  grants: [{ role: 'editor', departmentId }],
});
const planning: Actor = {
  userId: 2,
  login: 'pl',
  municipalityId: 1,
  grants: [{ role: 'planning', departmentId: null }],
};

test('an editor edits its own department only', () => {
  assert.equal(can(editorOf(5), 'goal.edit', { municipalityId: 1, departmentId: 5 }), true);
  assert.equal(can(editorOf(5), 'goal.edit', { municipalityId: 1, departmentId: 6 }), false);
  assert.throws(() => authorize(editorOf(5), 'goal.edit', { municipalityId: 1, departmentId: 6 }), {
    code: 'FORBIDDEN',
  });
});

test('planning publishes anywhere in its municipality but not elsewhere, and cannot edit goals', () => {
  assert.equal(can(planning, 'workflow.publish', { municipalityId: 1, departmentId: 9 }), true);
  assert.equal(can(planning, 'workflow.publish', { municipalityId: 2, departmentId: 9 }), false);
  assert.equal(can(planning, 'goal.edit', { municipalityId: 1, departmentId: 9 }), false);
});

test('an editor cannot approve its own work', () => {
  assert.equal(can(editorOf(5), 'workflow.approve', { municipalityId: 1, departmentId: 5 }), false);
});

test('a department role does not reach city-wide actions', () => {
  assert.equal(can(editorOf(5), 'import.run', { municipalityId: 1 }), false);
  assert.equal(can(editorOf(5), 'import.run', { municipalityId: 1, departmentId: 5 }), true);
  assert.equal(can(editorOf(5), 'internal.read', { municipalityId: 1 }), true);
  assert.equal(can(planning, 'import.run', { municipalityId: 1 }), true);
});
