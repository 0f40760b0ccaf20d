import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { importSources } from '../src/importer/import.service.ts';
import { readSource } from '../src/importer/read-source.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { seedsDir } from './cli-harness.ts';

let server: TestServer;
let browser: Browser | undefined;

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('GET /healthz answers 200', async () => {
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).status, 'ok');
});

test('an unknown table answers 404 in Japanese', async () => {
  const res = await fetch(`${server.url}/m/minatodai/d/999/2023`);
  assert.equal(res.status, 404);
  assert.match(await res.text(), /ページが見つかりません/);
});

test('the demo city: index → department → 一覧表 in Chromium', { skip: chromiumSkip }, async () => {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  assert.match(await page.locator('h1').innerText(), /重点目標一覧表/);
  assert.ok((await page.getByText('みなと台市').count()) > 0, 'the demo municipality is listed');
  const link = page.locator('a[href^="/m/minatodai/d/"]').first();
  await link.click();
  await page.waitForLoadState('load');
  const table = page.locator('table').first();
  assert.ok(await table.isVisible());
  const text = await table.innerText();
  assert.match(text, /期限・数値目標等/);
  assert.match(text, /達成状況・達成度/);
  assert.match(text, /①/);
  await page.screenshot({ path: screenshotPath('demo-ichiranhyo.png'), fullPage: true });
  await page.close();
});

const seed = join(seedsDir, '000_e224602d88f71594.txt');

test('the seed table reads like the official form', {
  skip: chromiumSkip || (!existsSync(seed) && 'no seed'),
}, async () => {
  const source = readSource('seed.txt', readFileSync(seed));
  await importSources(server.db.kysely, [source], {
    published: true,
    municipality: { code: 'ueda', name: '上田市' },
  });
  const department = await server.db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '市民まちづくり推進部・上田地域自治C')
    .executeTakeFirstOrThrow();
  browser ??= await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const response = await page.goto(`${server.url}/m/ueda/d/${department.id}/2022`);
  assert.equal(response?.status(), 200);
  const table = page.locator('table').first();
  const text = await table.innerText();
  assert.match(text, /【令和3年度重点目標】/);
  assert.match(text, /【令和4年度重点目標】/);
  // Row 4 pairs two different goals; row 5's review side names its sub-units.
  assert.match(text, /多文化共生のまちづくりの推進と外国籍市民の社会参加支援の促進/);
  assert.match(text, /豊殿地域自治センター/);
  assert.match(text, /市民プラサ\*・ゆう事業の推進/);
  assert.match(text, /目標750件/);
  assert.equal(await page.locator('main h1').count(), 1);
  // Import warnings are notes for the staff who checked the file, never on a public page.
  assert.doesNotMatch(
    await page.locator('body').innerText(),
    /重点目標7：期限・数値目標等の番号②が2回出てきます/,
  );
  await page.screenshot({ path: screenshotPath('seed-ichiranhyo.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: screenshotPath('seed-ichiranhyo-print.png'), fullPage: false });
  await page.close();
});
