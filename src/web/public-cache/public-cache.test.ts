import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { makeUser } from '../../test-support/users.ts';
import { PUBLIC_CACHE_CONTROL, publicCache } from './public-cache.ts';

const demo = useDemoApp();

test('an anonymous public page carries validators, is answered 304 when unchanged, and the same bytes again', async () => {
  const dept = await demoDepartmentId(demo.db.kysely, '総務部');
  const path = `/m/minatodai/d/${dept}/2025`;
  const first = await demo.app.request(path);
  assert.equal(first.status, 200);
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^"[\w-]{22}"$/);
  assert.equal(first.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
  assert.ok(first.headers.get('last-modified'));
  const body = await first.text();
  const again = await demo.app.request(path);
  assert.equal(await again.text(), body);
  assert.equal(again.headers.get('etag'), etag);
  const revalidated = await demo.app.request(path, { headers: { 'if-none-match': etag ?? '' } });
  assert.equal(revalidated.status, 304);
  assert.equal(await revalidated.text(), '');
  const other = await demo.app.request(path, { headers: { 'if-none-match': '"something-else"' } });
  assert.equal(other.status, 200);
});

test('an answer from the cache carries the security headers the app wrote, on 200 and 304 alike', async () => {
  const dept = await demoDepartmentId(demo.db.kysely, '総務部');
  const path = `/m/minatodai/d/${dept}/2025`;
  const rendered = await demo.app.request(path);
  const cached = await demo.app.request(path);
  const revalidated = await demo.app.request(path, {
    headers: { 'if-none-match': cached.headers.get('etag') ?? '' },
  });
  assert.equal(revalidated.status, 304);
  for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy']) {
    assert.ok(rendered.headers.get(name), name);
    assert.equal(cached.headers.get(name), rendered.headers.get(name), `${name} from the cache`);
    assert.equal(revalidated.headers.get(name), rendered.headers.get(name), `${name} on a 304`);
  }
  assert.equal(revalidated.headers.get('content-type'), null, 'a 304 has no body, nor its type');
  assert.equal(cached.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
  const https = await demo.app.request(`https://city.example${path}`);
  assert.match(https.headers.get('strict-transport-security') ?? '', /max-age=/, 'each scheme its own copy');
});

test('signed-in people get fresh pages: no validators, never stored by anyone', async () => {
  const planning = await makeUser(demo.db.kysely, await demoMunicipalityId(demo.db.kysely), 'planning');
  const res = await demo.app.request('/m/minatodai', { headers: { cookie: planning.cookie } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('etag'), null);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

/** A bare app over the demo database whose page says how often it was rendered. */
function countingApp(options: { maxBytes?: number; ttlMs?: number; now?: () => Date } = {}) {
  const app = new Hono<AppEnv>();
  let renders = 0;
  app.use(publicCache(demo.db.kysely, { maxBytes: options.maxBytes ?? 1 << 20, ...options }));
  app.get('/m/:code/boom', (c) => {
    renders += 1;
    return c.text('no', 500);
  });
  app.get('/m/:code/*', async (c) => {
    renders += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return c.text(`${c.req.path} rendered ${renders}`);
  });
  return { app, renders: () => renders };
}

test('rendered once per publication version and Tokyo day; an audited change or midnight renders again', async () => {
  let clock = new Date('2026-12-03T14:59:00Z'); // 23:59 in Tokyo
  const { app, renders } = countingApp({ now: () => clock });
  assert.equal(await (await app.request('/m/minatodai/page')).text(), '/m/minatodai/page rendered 1');
  assert.equal(await (await app.request('/m/minatodai/page')).text(), '/m/minatodai/page rendered 1');
  clock = new Date('2026-12-03T15:00:00Z'); // 00:00 the next day in Tokyo
  assert.equal(await (await app.request('/m/minatodai/page')).text(), '/m/minatodai/page rendered 2');
  // Any audited change of the city (here: a new account) is a new version.
  await makeUser(demo.db.kysely, await demoMunicipalityId(demo.db.kysely), 'viewer');
  assert.equal(await (await app.request('/m/minatodai/page')).text(), '/m/minatodai/page rendered 3');
  assert.equal(renders(), 3);
});

test('ten simultaneous first requests render once; errors are never kept', async () => {
  const { app, renders } = countingApp();
  const answers = await Promise.all(Array.from({ length: 10 }, () => app.request('/m/minatodai/ten')));
  assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
  assert.equal(new Set(await Promise.all(answers.map((a) => a.text()))).size, 1);
  assert.equal(renders(), 1);
  const before = renders();
  await app.request('/m/minatodai/boom');
  await app.request('/m/minatodai/boom');
  assert.equal(renders(), before + 2, 'a failing page is rendered each time');
});

test('a page older than the trust period is rendered again; the memory budget evicts the oldest pages', async () => {
  let clock = new Date('2026-12-03T03:00:00Z');
  const aged = countingApp({ ttlMs: 1000, now: () => clock });
  await aged.app.request('/m/minatodai/aged');
  clock = new Date(clock.getTime() + 999);
  await aged.app.request('/m/minatodai/aged');
  assert.equal(aged.renders(), 1);
  clock = new Date(clock.getTime() + 2);
  await aged.app.request('/m/minatodai/aged');
  assert.equal(aged.renders(), 2);

  const small = countingApp({ maxBytes: 120 }); // about 55 bytes a page;
  for (const page of ['a', 'b', 'c', 'a']) await small.app.request(`/m/minatodai/${page}`);
  assert.equal(small.renders(), 4, 'a was evicted by b and c');
});
