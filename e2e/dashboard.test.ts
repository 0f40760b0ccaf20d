import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

let server: TestServer;
let browser: Browser | undefined;

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('evaluation dashboards render their SVG charts in Chromium', { skip: chromiumSkip }, async () => {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/m/minatodai/dashboard/2023`);
  assert.match((await page.locator('h1').textContent()) ?? '', /令和5年度 重点目標の達成状況/);
  const chart = page.locator('figure.dash-chart svg[role="img"]').first();
  assert.ok(await chart.isVisible(), 'grade chart is visible');
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 100, 'chart has a real size');
  const rows = await page.locator('tr.dash-department').count();
  assert.ok(rows >= 4, `departments listed: ${rows}`);
  await page.screenshot({ path: screenshotPath('dashboard-city.png'), fullPage: true });

  await page.locator('tr.dash-department a').nth(1).click();
  await page.waitForURL(/\/d\/\d+\/dashboard\/2023$/);
  assert.ok(await page.locator('tr.dash-target').first().isVisible(), 'targets are listed');
  const trends = page.locator('#dash-trends ~ .dash-trends svg[role="img"], .dash-trends svg[role="img"]');
  assert.ok((await trends.count()) > 0, 'trend charts exist');
  assert.ok(await trends.first().isVisible(), 'trend chart is visible');
  await page.screenshot({ path: screenshotPath('dashboard-department.png'), fullPage: true });
});
