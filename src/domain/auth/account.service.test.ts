import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser, TEST_PASSWORD, type TestUser } from '../../test-support/users.ts';
import { ensureDepartment } from '../departments/department.repo.ts';
import { insertMunicipality } from '../municipalities/municipality.repo.ts';
import {
  createAccount,
  getAccount,
  grantRole,
  listAccounts,
  renameAccount,
  resetPassword,
  revokeRole,
  setAccountDisabled,
  signOutEverywhere,
} from './account.service.ts';
import { changeOwnPassword } from './own-password.service.ts';
import { login, resolveSession } from './session.service.ts';

let db: TestDb;
let admin: TestUser;
let viewer: TestUser;
let departmentId: number;

before(async () => {
  db = await createTestDb();
  const m = (await insertMunicipality(db.kysely, { code: 'acct', name: 'アカウント市' })).id;
  departmentId = (await ensureDepartment(db.kysely, m, '総務部')).id;
  admin = await makeUser(db.kysely, m, 'admin');
  viewer = await makeUser(db.kysely, m, 'viewer');
});
after(() => db.destroy());

const signIn = (loginName: string, password: string) =>
  login(db.kysely, { login: loginName, password, client: `c-${Math.random()}` });
const actions = async () =>
  (await db.kysely.selectFrom('audit_event').select(['action', 'before_json', 'after_json']).execute()).map(
    (e) => e,
  );

test('an admin creates an account with a generated temporary password the first sign-in must change', async () => {
  const { id, temporaryPassword } = await createAccount(db.kysely, admin.actor, {
    login: 'Henshu',
    displayName: '編集 花子',
    role: 'editor',
    departmentId,
  });
  assert.match(temporaryPassword, /^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
  const account = await getAccount(db.kysely, admin.actor, id);
  assert.deepEqual(
    [account.login, account.displayName, account.mustChangePassword, account.grants],
    ['henshu', '編集 花子', true, [{ role: 'editor', departmentId }]],
  );
  const { token } = await signIn('henshu', temporaryPassword);
  const session = await resolveSession(db.kysely, token);
  assert.equal(session?.mustChangePassword, true);
  assert.ok(session);
  await changeOwnPassword(db.kysely, session.actor, session.sessionId, {
    current: temporaryPassword,
    next: 'my own new password',
  });
  assert.equal((await resolveSession(db.kysely, token))?.mustChangePassword, false, 'this session stays');
  assert.ok((await signIn('henshu', 'my own new password')).token);
  const trail = await actions();
  assert.ok(trail.some((e) => e.action === 'user.password_change'));
  const text = JSON.stringify(trail);
  assert.ok(
    !text.includes(temporaryPassword) && !text.includes('my own new password'),
    'no password on the trail',
  );
});

test('a password change asks for the current password and a long enough new one', async () => {
  const session = await resolveSession(db.kysely, (await signIn(viewer.login, TEST_PASSWORD)).token);
  assert.ok(session);
  await assert.rejects(
    changeOwnPassword(db.kysely, session.actor, session.sessionId, {
      current: 'wrong one!!!!',
      next: 'x'.repeat(12),
    }),
    { code: 'INVALID_INPUT', message: /現在のパスワードが正しくありません/ },
  );
  await assert.rejects(
    changeOwnPassword(db.kysely, session.actor, session.sessionId, { current: TEST_PASSWORD, next: 'short' }),
    { code: 'INVALID_INPUT', message: /12文字以上/ },
  );
});

test('disabling ends the sessions and refuses sign-in; enabling lets the account back in', async () => {
  const { id, temporaryPassword } = await createAccount(db.kysely, admin.actor, {
    login: 'kari',
    displayName: '仮',
    role: 'viewer',
  });
  const { token } = await signIn('kari', temporaryPassword);
  await setAccountDisabled(db.kysely, admin.actor, id, true);
  assert.equal(await resolveSession(db.kysely, token), undefined);
  await assert.rejects(signIn('kari', temporaryPassword), { code: 'UNAUTHENTICATED' });
  await setAccountDisabled(db.kysely, admin.actor, id, false);
  assert.ok((await signIn('kari', temporaryPassword)).token);
  const trail = (await actions()).map((e) => e.action);
  assert.ok(trail.includes('user.disable') && trail.includes('user.enable'));
});

test('a reset gives a temporary password, ends the sessions and requires a change', async () => {
  const old = await signIn(viewer.login, TEST_PASSWORD);
  const { temporaryPassword } = await resetPassword(
    db.kysely,
    admin.actor,
    viewer.actor.userId,
    'temporary-pass-1',
  );
  assert.equal(temporaryPassword, 'temporary-pass-1');
  assert.equal(await resolveSession(db.kysely, old.token), undefined);
  await assert.rejects(signIn(viewer.login, TEST_PASSWORD), { code: 'UNAUTHENTICATED' });
  const fresh = await resolveSession(db.kysely, (await signIn(viewer.login, 'temporary-pass-1')).token);
  assert.equal(fresh?.mustChangePassword, true);
  assert.ok(!JSON.stringify(await actions()).includes('temporary-pass-1'));
});

test('roles are granted and revoked per department; the shapes are checked', async () => {
  const id = viewer.actor.userId;
  await grantRole(db.kysely, admin.actor, id, { role: 'approver', departmentId });
  await grantRole(db.kysely, admin.actor, id, { role: 'planning', departmentId: null });
  assert.deepEqual(
    (await getAccount(db.kysely, admin.actor, id)).grants.map((g) => g.role),
    ['viewer', 'approver', 'planning'],
  );
  await assert.rejects(grantRole(db.kysely, admin.actor, id, { role: 'editor', departmentId: null }), {
    code: 'INVALID_INPUT',
  });
  await assert.rejects(grantRole(db.kysely, admin.actor, id, { role: 'admin', departmentId }), {
    code: 'INVALID_INPUT',
  });
  await revokeRole(db.kysely, admin.actor, id, { role: 'approver', departmentId });
  assert.deepEqual(
    (await getAccount(db.kysely, admin.actor, id)).grants.map((g) => g.role),
    ['viewer', 'planning'],
  );
  await renameAccount(db.kysely, admin.actor, id, '閲覧 太郎');
  assert.equal((await getAccount(db.kysely, admin.actor, id)).displayName, '閲覧 太郎');
});

test('the last active admin cannot disable or demote themself; with a second admin they can', async () => {
  const self = admin.actor.userId;
  await assert.rejects(setAccountDisabled(db.kysely, admin.actor, self, true), {
    code: 'CONFLICT',
    message: /有効な管理者はこのアカウントだけ/,
  });
  await assert.rejects(revokeRole(db.kysely, admin.actor, self, { role: 'admin', departmentId: null }), {
    code: 'CONFLICT',
  });
  const { id } = await createAccount(db.kysely, admin.actor, {
    login: 'admin2',
    displayName: '二',
    role: 'admin',
  });
  await revokeRole(db.kysely, admin.actor, self, { role: 'admin', departmentId: null });
  assert.deepEqual((await getAccount(db.kysely, { ...admin.actor, userId: id }, self)).grants, []);
});

test('only admins manage accounts; anyone signs themself out everywhere', async () => {
  await assert.rejects(listAccounts(db.kysely, viewer.actor), { code: 'FORBIDDEN' });
  await assert.rejects(resetPassword(db.kysely, viewer.actor, admin.actor.userId), { code: 'FORBIDDEN' });
  await assert.rejects(signOutEverywhere(db.kysely, viewer.actor, admin.actor.userId), { code: 'FORBIDDEN' });
  const mine = await signIn('henshu', 'my own new password');
  const henshu = (await resolveSession(db.kysely, mine.token))?.actor;
  assert.ok(henshu);
  assert.ok((await signOutEverywhere(db.kysely, henshu, henshu.userId)) >= 1);
  assert.equal(await resolveSession(db.kysely, mine.token), undefined);
});
