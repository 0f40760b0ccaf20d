import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoMunicipalityId } from '../src/test-support/demo-app.ts';
import { makeUser, TEST_PASSWORD } from '../src/test-support/users.ts';
import { chromiumSkip, startTestServer, type TestServer } from './browser-harness.ts';

/**
 * Signing in through a real browser that enforces the CSP (form-action 'self', base-uri 'none'),
 * with a `next` that tries to leave the site, and the throttle over a real socket.
 */
let server: TestServer;
let browser: Browser | undefined;
let login: string;

before(async () => {
  server = await startTestServer();
  login = (await makeUser(server.db.kysely, await demoMunicipalityId(server.db.kysely), 'planning')).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('Chromium with the CSP on: the public page sets no cookie; sign-in with a hostile next stays here', {
  skip: chromiumSkip,
}, async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  assert.deepEqual(await context.cookies(), [], 'the public portal sets no cookie');
  await page.goto(`${server.url}/login?next=%2F%09%2F127.0.0.1:3302%2Fphish`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/staff`);
  assert.equal(new URL(page.url()).host, new URL(server.url).host);
  await context.close();
});

test('over a real socket, the sixth bad password from one client waits; a huge body is refused unread', async () => {
  const form = await fetch(`${server.url}/login`);
  const cookie = (form.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, login, password: `wrong-password-${i}` }),
    });
    statuses.push(res.status);
    if (i === 5) assert.ok(Number(res.headers.get('retry-after')) > 0);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  const big = await fetch(`${server.url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new Uint8Array(50 * 1000 * 1000),
  });
  assert.equal(big.status, 413);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});
