import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Actor, type Role, roles } from '../auth/actor.ts';
import { type Action, actions, authorize, can } from '../auth/policy.ts';
import { policyActionLabels, refusalMessage } from './refusal.ts';
import { roleLabels } from './roles.ts';
import { literalsMatching } from './source-scan.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;
const ASCII_WORD = /[A-Za-z]{2,}/;

test('every policy action has a Japanese label, and every role a Japanese name', () => {
  for (const action of Object.keys(actions) as Action[]) {
    const label = policyActionLabels[action];
    assert.ok(label && JAPANESE.test(label) && !ASCII_WORD.test(label), `label of ${action}: ${label}`);
  }
  for (const role of roles) assert.match(roleLabels[role], JAPANESE, role);
});

test('every action name the code authorises is a policy action with a label', () => {
  // authorize(actor, 'x', …), can(…, 'x', …), canAnywhere(…, 'x'), forbidden(…, 'x', …), policyOf tables.
  const calls = literalsMatching(/\b(?:authorize|can|canAnywhere|forbidden)\(\s*[\w.]+,\s*'([^']+)'/g);
  const tables = literalsMatching(
    /^\s+(?!action\b|block\b)\w+: '((?:workflow|goal|import|evaluation|user|audit)\.[a-zA-Z]+)',$/gm,
  );
  const menu = literalsMatching(/\baction: '([a-zA-Z]+\.[a-zA-Z]+)'/g).filter((l) =>
    l.path.startsWith('web/'),
  );
  const used = [...calls, ...tables, ...menu];
  assert.ok(calls.length >= 20, `the scan finds the authorize calls (${calls.length})`);
  assert.ok(
    used.some((u) => u.value === 'import.run') && used.some((u) => u.value === 'audit.readAll'),
    'the scan sees the actions of the issue',
  );
  const missing = used.filter((u) => !(u.value in policyActionLabels));
  assert.deepEqual(
    missing.map((m) => `${m.value} (${m.path})`),
    [],
    'actions without a label in vocabulary/refusal.ts',
  );
});

const actorWith = (role: Role, departmentId: number | null): Actor => ({
  userId: 9,
  login: 'henshu',
  municipalityId: 1,
  grants: [{ role, departmentId }],
});

test('every refusal, for every role and action, is Japanese, names the operation and whom to ask', () => {
  let refusals = 0;
  for (const action of Object.keys(actions) as Action[]) {
    for (const role of roles) {
      const actor = actorWith(role, role === 'editor' || role === 'approver' ? 1 : null);
      const scope = { municipalityId: 1, departmentId: 2, departmentName: '総務部' };
      if (can(actor, action, scope)) continue;
      refusals += 1;
      const message = refusalMessage(actor, action, actions[action], scope);
      assert.doesNotMatch(message, /may not|[A-Za-z]{2,}/, `${role} ${action}: ${message}`);
      assert.ok(message.includes(policyActionLabels[action]), `${role} ${action} names the operation`);
      assert.match(message, /依頼してください。$/, `${role} ${action} says whom to ask`);
    }
  }
  assert.ok(refusals > 30, `refusals checked: ${refusals}`);
});

test("the issue's refusals: an editor importing another department's table, an editor reading the city log", () => {
  const editor = actorWith('editor', 1);
  const error = (() => {
    try {
      authorize(editor, 'import.run', { municipalityId: 1, departmentId: 2, departmentName: '総務部' });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof Error && 'code' in error && error.code === 'FORBIDDEN');
  assert.equal(
    error.message,
    '総務部の一覧表の取り込みはできません。あなたの編集担当の権限は、担当する部局についてだけ使えます。必要なときは、総務部の編集担当か企画担当（全庁）か管理者に依頼してください。',
  );
  assert.equal(error.cause, 'henshu may not import.run', 'the English stays for the log');
  assert.throws(
    () => authorize(editor, 'audit.readAll', { municipalityId: 1 }),
    (e: Error) =>
      e.message ===
      '全庁の変更履歴の閲覧は、あなたの権限（編集担当）ではできません。必要なときは、管理者に依頼してください。',
  );
});
