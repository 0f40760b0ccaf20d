import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { csrfFrom, makeUser, TEST_PASSWORD, type TestUser } from '../test-support/users.ts';
import { createApp } from './app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'hdr', name: 'ヘッダ市' });
  planning = await makeUser(db.kysely, m.id, 'planning');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

/** Runs `run` as if behind our own reverse proxy (TRUST_PROXY=1). */
async function behindProxy<T>(run: () => Promise<T>): Promise<T> {
  process.env.TRUST_PROXY = '1';
  try {
    return await run();
  } finally {
    delete process.env.TRUST_PROXY;
  }
}

const cookieNames = (res: Response) => res.headers.getSetCookie().map((c) => c.split('=')[0]);

test('CSP forbids <base> and forms posting elsewhere, on pages and on refusals alike', async () => {
  for (const res of [
    await app.request('/'),
    await app.request('/login', { method: 'POST', headers: { 'content-length': String(50 * 1024 * 1024) } }),
  ]) {
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /form-action 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
  }
});

test('HSTS only over TLS: https, or X-Forwarded-Proto from a trusted proxy', async () => {
  assert.equal((await app.request('http://city.example/')).headers.get('strict-transport-security'), null);
  assert.match(
    (await app.request('https://city.example/')).headers.get('strict-transport-security') ?? '',
    /max-age=\d{7,}/,
  );
  const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
  assert.equal(
    (await app.request('http://city.example/', forwarded)).headers.get('strict-transport-security'),
    null,
    'an untrusted header is ignored',
  );
  const trusted = await behindProxy(async () => app.request('http://city.example/', forwarded));
  assert.match(trusted.headers.get('strict-transport-security') ?? '', /max-age=/);
});

test('staff pages, login and the API are never cached; the anonymous public portal may be', async () => {
  for (const [path, cookie] of [
    ['/login', ''],
    ['/staff', ''],
    ['/staff', planning.cookie],
    ['/staff/import', planning.cookie],
    ['/api/me', planning.cookie],
    ['/api/openapi.json', ''],
  ] as const) {
    const res = await app.request(path, { headers: { cookie } });
    assert.equal(
      res.headers.get('cache-control'),
      'no-store',
      `${path} ${cookie ? 'signed in' : 'anonymous'}`,
    );
  }
  // Anonymous public pages may be kept by a proxy, which revalidates each use (ETag, publication version).
  assert.equal((await app.request('/')).headers.get('cache-control'), 'public, max-age=0, must-revalidate');
  assert.equal(
    (await app.request('/', { headers: { cookie: planning.cookie } })).headers.get('cache-control'),
    'no-store',
    'what a signed-in person sees is theirs',
  );
});

test('the anonymous CSRF cookie is set only where a sign-in form needs it', async () => {
  assert.deepEqual(cookieNames(await app.request('/')), []);
  assert.deepEqual(cookieNames(await app.request('/healthz')), []);
  assert.deepEqual(cookieNames(await app.request('/api/municipalities')), []);
  assert.deepEqual(cookieNames(await app.request('/login')), ['mokuhyo_csrf']);
  assert.deepEqual(cookieNames(await app.request('/api/me')), ['mokuhyo_csrf']);
  assert.deepEqual(cookieNames(await app.request('/login', { headers: { cookie: 'mokuhyo_csrf=x' } })), []);
});

/** A signed-out browser at /login from `client` (an X-Forwarded-For the proxy would add). */
async function signInAs(client: string) {
  const form = await app.request('/login', { headers: { 'x-forwarded-for': client } });
  const cookie = (form.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const csrf = csrfFrom(await form.text());
  return (password: string) =>
    app.request('/login', {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': client,
      },
      body: new URLSearchParams({ _csrf: csrf, login: planning.login, password }).toString(),
    });
}

test('five bad passwords from one client: that client waits (429, Retry-After); another signs in', async () => {
  await behindProxy(async () => {
    const guesser = await signInAs('203.0.113.7');
    for (let i = 0; i < 5; i += 1) assert.equal((await guesser(`wrong-password-${i}`)).status, 401);
    const refused = await guesser(TEST_PASSWORD);
    assert.equal(refused.status, 429, 'even the right password waits: the budget is spent');
    const seconds = Number(refused.headers.get('retry-after'));
    assert.ok(seconds > 0 && seconds <= 15 * 60, `Retry-After ${seconds}`);
    assert.match(await refused.text(), /時間をおいてから/);
    const colleague = await signInAs('198.51.100.20');
    const ok = await colleague(TEST_PASSWORD);
    assert.equal(ok.status, 303, 'the account is not locked for everyone');
  });
});

test('without TRUST_PROXY a guesser cannot buy a fresh budget by changing X-Forwarded-For', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const attempt = await signInAs(`192.0.2.${i}`);
    statuses.push((await attempt(`wrong-password-${i}`)).status);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
});

test('behind the proxy, only the address it added counts: a forged X-Forwarded-For prefix buys nothing', async () => {
  await behindProxy(async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const attempt = await signInAs(`10.9.8.${i}, 203.0.113.50`);
      statuses.push((await attempt(`wrong-password-${i}`)).status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  });
});

test('over the API the throttle answers 429 RATE_LIMITED with Retry-After', async () => {
  await behindProxy(async () => {
    const me = await app.request('/api/me', { headers: { 'x-forwarded-for': '203.0.113.99' } });
    const cookie = (me.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const csrf = cookie.split('=')[1] ?? '';
    const attempt = (password: string) =>
      app.request('/api/session', {
        method: 'POST',
        headers: {
          cookie,
          'x-csrf-token': csrf,
          'content-type': 'application/json',
          'x-forwarded-for': '203.0.113.99',
        },
        body: JSON.stringify({ login: planning.login, password }),
      });
    for (let i = 0; i < 5; i += 1) assert.equal((await attempt(`wrong-password-${i}`)).status, 401);
    const refused = await attempt(TEST_PASSWORD);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
  });
});
