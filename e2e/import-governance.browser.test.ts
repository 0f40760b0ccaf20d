import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { systemActor } from '../src/domain/auth/actor.ts';
import { createUser } from '../src/domain/auth/user.service.ts';
import { fiscalYearOf } from '../src/domain/fiscal-year/wareki.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { makeDocument } from '../src/test-support/factories.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

let server: TestServer;
let browser: Browser | undefined;
const password = 'e2e-planning-password';

before(async () => {
  server = await startTestServer();
  const m = await server.db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  await createUser(server.db.kysely, systemActor(m.id), { login: 'e2e-kikaku', password, role: 'planning' });
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('planning previews a far-future table, is asked to confirm the year, loads it as published history', {
  skip: chromiumSkip,
}, async () => {
  const far = fiscalYearOf(new Date()) + 5;
  const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-import-'));
  const file = join(dir, 'rekishi.json');
  await writeFile(file, JSON.stringify(makeDocument({ department: '歴史部', planYear: far })));

  browser = await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'ja-JP' })
  ).newPage();
  await page.goto(`${server.url}/login?next=/staff/import`);
  await page.locator('#login').fill('e2e-kikaku');
  await page.locator('#password').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/staff/import`);
  await page.locator('#file').setInputFiles(file);
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await page.waitForURL(/\/staff\/import\/[\w-]+$/);

  // Saving without the year confirmation is refused on the preview itself, values kept.
  await page.getByRole('button', { name: 'この内容で保存する' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', new RegExp(`${far}年度`));
  assert.equal(await page.locator('#planYear').inputValue(), String(far));
  await page.screenshot({ path: screenshotPath('import-governance-preview.png'), fullPage: false });

  await page.getByLabel(/公表済み.*で取り込む/).check();
  await page.getByLabel(/この年度のまま取り込む/).check();
  await page.getByRole('button', { name: 'この内容で保存する' }).click();
  const status = page.getByRole('status').first();
  await status.waitFor();
  assert.match((await status.textContent()) ?? '', /公表済みとして保存しました/);
  const rows = await server.db.kysely
    .selectFrom('phase_status')
    .innerJoin('department', 'department.id', 'phase_status.department_id')
    .select('phase_status.status')
    .where('department.name', '=', '歴史部')
    .execute();
  assert.deepEqual(
    rows.map((r) => r.status),
    ['published', 'published'],
  );
});
