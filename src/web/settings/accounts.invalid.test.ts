import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyAccountValues, parseAccountForm, parseGrant, parseTemporaryPassword } from './accounts.form.ts';
import { parseOrganisationForm } from './organisation.form.ts';

/** The settings forms' own checks, before any service: each wrong field is named once, in Japanese. */
const fields = (r: { ok: boolean; errors?: Array<{ field: string }> }) =>
  r.ok ? [] : (r.errors ?? []).map((e) => e.field);

test('an account form names every wrong field once and reads a good one into the service input', () => {
  const bad = parseAccountForm({
    login: 'A',
    displayName: ' ',
    password: 'short',
    role: 'boss',
    department: 'x',
  });
  assert.deepEqual(fields(bad), [
    'account-login',
    'account-display-name',
    'account-password',
    'account-role',
    'account-department',
  ]);
  const good = parseAccountForm({
    ...emptyAccountValues(),
    login: ' Yamada.T ',
    displayName: '山田',
    department: '4',
  });
  assert.deepEqual(good, {
    ok: true,
    input: { login: 'yamada.t', displayName: '山田', password: undefined, role: 'editor', departmentId: 4 },
  });
});

test('a role and its department must fit: editor and approver name one, city-wide roles none', () => {
  assert.deepEqual(fields(parseGrant({ role: 'approver', department: '' })), ['account-department']);
  assert.deepEqual(fields(parseGrant({ role: 'admin', department: '3' })), ['account-department']);
  assert.deepEqual(parseGrant({ role: 'planning', department: '' }), {
    ok: true,
    input: { role: 'planning', departmentId: null },
  });
});

test('a temporary password is empty (generated) or long enough', () => {
  assert.deepEqual(parseTemporaryPassword(''), { ok: true, input: undefined });
  assert.deepEqual(fields(parseTemporaryPassword('eleven char')), ['account-password']);
});

test('the organisation form wants a name and a 0–9999 order (full-width digits as typed)', () => {
  assert.deepEqual(fields(parseOrganisationForm({ name: '', parent: 'x', displayOrder: '10000' }, 50)), [
    'org-name',
    'org-parent',
    'org-order',
  ]);
  assert.deepEqual(parseOrganisationForm({ name: ' 保育課 ', parent: '7', displayOrder: '１２' }, 50), {
    ok: true,
    input: { name: '保育課', parentId: 7, displayOrder: 12 },
  });
  assert.deepEqual(
    fields(parseOrganisationForm({ name: 'あ'.repeat(51), parent: '', displayOrder: '' }, 50)),
    ['org-name'],
  );
});
