import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { makeUser, TEST_PASSWORD, type TestUser } from '../test-support/users.ts';
import { createApp } from '../web/app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let admin: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'api', name: 'API市' });
  admin = await makeUser(db.kysely, m.id, 'admin');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function csrfFor(cookie: string): Promise<string> {
  const me = await app.request('/api/me', { headers: { cookie } });
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

test('the OpenAPI description lists the API', async () => {
  const res = await app.request('/api/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { paths: Record<string, unknown> };
  for (const path of [
    '/municipalities',
    '/session',
    '/me',
    '/users',
    '/imports',
    '/imports/{token}/confirm',
    '/audit',
  ]) {
    assert.ok(doc.paths[path], `${path} is described`);
  }
});

test('sign in over the API needs the CSRF token, then /me answers', async () => {
  const anonymous = await app.request('/api/me');
  assert.equal(anonymous.status, 401);
  assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
  const csrfCookie =
    anonymous.headers
      .getSetCookie()
      .find((c) => c.startsWith('mokuhyo_csrf='))
      ?.split(';')[0] ?? '';
  const token = csrfCookie.split('=')[1] ?? '';
  const body = JSON.stringify({ login: admin.login, password: TEST_PASSWORD });
  const headers = { cookie: csrfCookie, 'content-type': 'application/json' };
  assert.equal((await app.request('/api/session', { method: 'POST', body, headers })).status, 403);
  const ok = await app.request('/api/session', {
    method: 'POST',
    body,
    headers: { ...headers, 'x-csrf-token': token },
  });
  assert.equal(ok.status, 200);
  const session =
    ok.headers
      .getSetCookie()
      .find((c) => c.startsWith('mokuhyo_session='))
      ?.split(';')[0] ?? '';
  const me = await app.request('/api/me', { headers: { cookie: session } });
  assert.equal(((await me.json()) as { login: string }).login, admin.login);
});

test('an admin creates a user; a viewer may not; bad input names the field', async () => {
  const csrf = await csrfFor(admin.cookie);
  const post = (cookie: string, token: string, body: unknown) =>
    app.request('/api/users', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await post(admin.cookie, csrf, {
    login: 'viewer-api',
    password: TEST_PASSWORD,
    role: 'viewer',
  });
  assert.equal(created.status, 201);
  const bad = await post(admin.cookie, csrf, { login: 'x', password: TEST_PASSWORD, role: 'boss' });
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'role');
  const m = await db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'api')
    .executeTakeFirstOrThrow();
  const viewer = await makeUser(db.kysely, m.id, 'viewer');
  const refused = await post(viewer.cookie, await csrfFor(viewer.cookie), {
    login: 'nope',
    password: TEST_PASSWORD,
    role: 'viewer',
  });
  assert.equal(refused.status, 403);
});

test('upload then confirm an import over the API', async () => {
  const m = await db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'api')
    .executeTakeFirstOrThrow();
  const planning = await makeUser(db.kysely, m.id, 'planning');
  const csrf = await csrfFor(planning.cookie);
  const doc = {
    department: 'API部',
    review: { fiscalYear: 2022, goals: [] },
    plan: {
      fiscalYear: 2023,
      goals: [{ no: 1, title: '目標', items: [{ no: 1, text: '取組', target: '10回以上' }] }],
    },
    warnings: [],
  };
  const form = new FormData();
  form.set('file', new File([JSON.stringify(doc)], 'doc.json', { type: 'application/json' }));
  const staged = await app.request('/api/imports', {
    method: 'POST',
    body: form,
    headers: { cookie: planning.cookie, 'x-csrf-token': csrf },
  });
  assert.equal(staged.status, 201);
  const { token, documents } = (await staged.json()) as {
    token: string;
    documents: Array<{ plan: { goals: Array<{ items: Array<{ quantities: unknown[] }> }> } }>;
  };
  assert.deepEqual(documents[0]?.plan.goals[0]?.items[0]?.quantities, [
    { value: 10, unit: '回', comparator: '>=', text: '10回以上' },
  ]);
  const confirmed = await app.request(`/api/imports/${token}/confirm`, {
    method: 'POST',
    headers: { cookie: planning.cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ planYear: 2024 }),
  });
  assert.equal(confirmed.status, 200);
  const result = (await confirmed.json()) as { documents: Array<{ planYear: number; changes: unknown[] }> };
  assert.equal(result.documents[0]?.planYear, 2024);
  assert.equal(result.documents[0]?.changes.length, 1);
});

test('a body of the wrong media type is the client error 415, named, not a server error', async () => {
  const res = await app.request('/api/grade-scale', {
    method: 'PUT',
    headers: {
      cookie: admin.cookie,
      'x-csrf-token': await csrfFor(admin.cookie),
      'content-type': 'text/plain',
    },
    body: 'preset=abc',
  });
  assert.equal(res.status, 415);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'INVALID_INPUT');
  assert.match(body.error.message, /Unsupported Media Type/);
});
