import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hash } from '@node-rs/argon2';
import { type AppError, RateLimitedError } from '../../errors.ts';
import { setPasswordHash } from '../../test-support/forced-state.repo.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { insertMunicipality } from '../municipalities/municipality.repo.ts';
import { systemActor } from './actor.ts';
import { hashPassword, verifyPassword } from './password.ts';
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

test('five failures from one client slow that client down for that login only; nobody is locked out', async () => {
  await createUser(db.kysely, systemActor(municipalityId), { login: 'target', password, role: 'viewer' });
  const now = new Date();
  for (let i = 0; i < 5; i += 1) {
    await assert.rejects(
      login(db.kysely, { login: 'target', password: `wrong-${i}-password`, client: 'guesser' }, now),
      {
        code: 'UNAUTHENTICATED',
        message: LOGIN_REFUSED,
      },
    );
  }
  await assert.rejects(login(db.kysely, { login: 'target', password, client: 'guesser' }, now), (error) => {
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.code, 'RATE_LIMITED');
    assert.ok(
      error.retryAfterSeconds > 0 && error.retryAfterSeconds <= 15 * 60,
      `${error.retryAfterSeconds}`,
    );
    return true;
  });
  assert.ok(
    (await login(db.kysely, { login: 'target', password, client: 'colleague' }, now)).token,
    'another client signs in',
  );
  const later = new Date(now.getTime() + 16 * 60 * 1000);
  assert.ok(
    (await login(db.kysely, { login: 'target', password, client: 'guesser' }, later)).token,
    'the window passes',
  );
});

test('within budget the right password signs in and forgives that client its misses', async () => {
  await createUser(db.kysely, systemActor(municipalityId), { login: 'typo', password, role: 'viewer' });
  const attempt = (p: string) => login(db.kysely, { login: 'typo', password: p, client: 'desk' });
  for (let i = 0; i < 4; i += 1)
    await assert.rejects(attempt('wrong password 1234'), { code: 'UNAUTHENTICATED' });
  assert.ok((await attempt(password)).token);
  for (let i = 0; i < 5; i += 1)
    await assert.rejects(attempt('wrong password 1234'), { code: 'UNAUTHENTICATED' });
  await assert.rejects(attempt(password), { code: 'RATE_LIMITED' });
});

test('one client is refused after 30 failures across logins, without the password hash being computed', async () => {
  // kikaku's hash made some 50 times as slow as the standard one (about 0.3 s to verify): a refusal
  // that verified it could not be quick, however busy the database is.
  const slowHash = await hash(password, { timeCost: 100 });
  await setPasswordHash(db.kysely, 'kikaku', slowHash);
  const now = new Date();
  for (let i = 0; i < 30; i += 1) {
    await assert.rejects(login(db.kysely, { login: `nobody-${i % 6}`, password, client: 'sprayer' }, now), {
      code: 'UNAUTHENTICATED',
    });
  }
  const started = performance.now();
  await assert.rejects(login(db.kysely, { login: 'kikaku', password, client: 'sprayer' }, now), {
    code: 'RATE_LIMITED',
  });
  const refusedMs = performance.now() - started;
  const verifyStarted = performance.now();
  assert.equal(await verifyPassword(slowHash, password), true);
  const hashMs = performance.now() - verifyStarted;
  assert.ok(refusedMs < hashMs / 3, `refusal took ${refusedMs} ms, verifying kikaku's hash ${hashMs} ms`);
  assert.ok((await login(db.kysely, { login: 'kikaku', password, client: 'office' }, now)).token);
  await setPasswordHash(db.kysely, 'kikaku', await hashPassword(password));
});

test('concurrent guesses cannot all slip in under the limit', async () => {
  const now = new Date();
  const results = await Promise.allSettled(
    Array.from({ length: 12 }, (_, i) =>
      login(db.kysely, { login: 'kikaku', password: `parallel-guess-${i}`, client: 'burst' }, now),
    ),
  );
  const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).code : 'OK'));
  assert.ok(codes.filter((c) => c === 'UNAUTHENTICATED').length <= 5, codes.join(','));
  assert.ok(codes.includes('RATE_LIMITED'), codes.join(','));
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
