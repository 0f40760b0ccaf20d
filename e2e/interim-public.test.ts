import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-app.ts';
import { reportInterim } from '../src/test-support/interim-publish.ts';
import { makeUser } from '../src/test-support/users.ts';
import { chromiumSkip, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

/**
 * Issue 10, item 8 in Chromium: the published 中間報告 on 総務部's public 一覧表 page, the open-data
 * catalog with interim.csv, and the setting page, through axe-core at 1280 and 390 px.
 */
const PROGRESS = '9月末までに説明会を6回開催（参加者 180人）';
let server: TestServer;
let browser: Browser | undefined;
let pagePath = '';
let login = '';

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const municipalityId = await demoMunicipalityId(db);
  const departmentId = await demoDepartmentId(db, '総務部');
  await reportInterim(db, { municipalityId, departmentId, year: 2025 }, PROGRESS);
  pagePath = `/m/minatodai/d/${departmentId}/2025`;
  login = (await makeUser(db, municipalityId, 'planning')).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

for (const width of [1280, 390]) {
  test(`the interim section on the public page, open data and the setting at ${width}px (axe zero)`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'ja-JP',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}${pagePath}`);
    const section = page.getByRole('region', { name: '令和7年度の中間報告', exact: true });
    await section.scrollIntoViewIfNeeded();
    assert.ok(await section.getByRole('cell', { name: PROGRESS }).isVisible(), 'the progress is shown');
    await section.screenshot({ path: `/tmp/h8/interim-section-${width}.png` });
    assert.deepEqual(await axeViolations(page), [], 'the 一覧表 page with its interim section');
    await page.goto(`${server.url}/open-data`);
    assert.ok(await page.getByRole('table', { name: /中間報告の表（interim.csv）/ }).isVisible());
    assert.deepEqual(await axeViolations(page), [], 'the open-data catalog');
    await context.close();

    const staff = await signedInPage(browser, server, login, '/staff/settings/interim-publication', width);
    assert.deepEqual(await axeViolations(staff), [], 'the setting page');
    await staff.screenshot({ path: `/tmp/h8/interim-setting-${width}.png`, fullPage: true });
    await staff.context().close();
  });
}
