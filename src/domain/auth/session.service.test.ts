import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { insertMunicipality } from '../municipalities/municipality.repo.ts';
import { systemActor } from './actor.ts';
import { LOGIN_REFUSED, login, logout, resolveSession } from './session.service.ts';
import { createUser } from './user.service.ts';

let db: TestDb;
let municipalityId: number;
const password = 'correct horse battery';

before(async () => {
  db = await createTestDb();
  municipalityId = (await insertMunicipality(db.kysely, { code: 'auth', name: '認証市' })).id;
  await createUser(db.kysely, systemActor(municipalityId), { login: 'Kikaku', password, role: 'planning' });
});
after(async () => {
  await db.destroy();
});

test('login gives a session that resolves to the actor with its grants; logout ends it', async () => {
  const { token } = await login(db.kysely, { login: 'kikaku', password, client: '127.0.0.1' });
  const session = await resolveSession(db.kysely, token);
  assert.equal(session?.actor.login, 'kikaku');
  assert.deepEqual(session?.actor.grants, [{ role: 'planning', departmentId: null }]);
  assert.ok(session && session.csrfToken.length >= 24);
  const stored = await db.kysely.selectFrom('session').select('token_hash').execute();
  assert.ok(
    stored.every((s) => s.token_hash !== token),
    'only a hash of the token is stored',
  );
  await logout(db.kysely, token);
  assert.equal(await resolveSession(db.kysely, token), undefined);
});

test('a wrong password and an unknown login get the same answer', async () => {
  await assert.rejects(login(db.kysely, { login: 'kikaku', password: 'wrong password!!', client: 'a' }), {
    code: 'UNAUTHENTICATED',
    message: LOGIN_REFUSED,
  });
  await assert.rejects(login(db.kysely, { login: 'nobody', password, client: 'a' }), {
    code: 'UNAUTHENTICATED',
    message: LOGIN_REFUSED,
  });
});

test('after five failures even the right password is refused, with the same message', async () => {
  await createUser(db.kysely, systemActor(municipalityId), { login: 'target', password, role: 'viewer' });
  for (let i = 0; i < 5; i += 1) {
    await assert.rejects(
      login(db.kysely, { login: 'target', password: `wrong-${i}-password`, client: `c${i}` }),
    );
  }
  await assert.rejects(login(db.kysely, { login: 'target', password, client: 'fresh' }), {
    message: LOGIN_REFUSED,
  });
  const later = new Date(Date.now() + 16 * 60 * 1000);
  assert.ok((await login(db.kysely, { login: 'target', password, client: 'fresh' }, later)).token);
});

test('an expired session does not resolve', async () => {
  const { token } = await login(db.kysely, { login: 'kikaku', password, client: 'x' });
  assert.equal(await resolveSession(db.kysely, token, new Date(Date.now() + 9 * 60 * 60 * 1000)), undefined);
});

test('user creation checks role, department scope, login form and password length', async () => {
  const system = systemActor(municipalityId);
  await assert.rejects(createUser(db.kysely, system, { login: 'ed', password, role: 'editor' }), {
    code: 'INVALID_INPUT',
  });
  await assert.rejects(createUser(db.kysely, system, { login: 'short', password: 'short', role: 'viewer' }), {
    code: 'INVALID_INPUT',
  });
  await assert.rejects(createUser(db.kysely, system, { login: 'kikaku', password, role: 'viewer' }), {
    code: 'CONFLICT',
  });
  const viewer = {
    userId: 9,
    login: 'v',
    municipalityId,
    grants: [{ role: 'viewer' as const, departmentId: null }],
  };
  await assert.rejects(createUser(db.kysely, viewer, { login: 'new', password, role: 'viewer' }), {
    code: 'FORBIDDEN',
  });
});
