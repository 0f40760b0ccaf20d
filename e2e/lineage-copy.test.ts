import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findFiscalYearId } from '../src/domain/fiscal-years/fiscal-year.repo.ts';
import { setPhaseStatus } from '../src/domain/workflow/phase-status.repo.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { makeUser, type TestUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

/** Issue 10 item 7: a copied year keeps its lineage, and the 一覧表 pairs by it. */
let server: TestServer;
let browser: Browser | undefined;
let editor: TestUser;
let dept: number;

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  dept = await demoDepartmentId(db, '市民生活部');
  editor = await makeUser(db, await demoMunicipalityId(db), 'editor', dept);
});
after(async () => {
  await browser?.close();
  await server.close();
});

async function checkAxe(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: screenshotPath(`lineage-copy-${name}-${width}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `${name} at ${width}px`);
    // Nothing wider than the viewport (long goal titles wrap).
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= width,
      `${name} fits ${width}px`,
    );
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('copy a year, and its goals carry on as 継続 on the lineage page and in the 一覧表', {
  skip: chromiumSkip,
}, async () => {
  browser = await launchChromium();
  const page = await signedInPage(browser, server, editor.login, `/staff/edit/${dept}/2025/plan`);
  await page.getByRole('button', { name: /この目標から令和8年度の目標を作成/ }).click();
  await page.waitForURL(/\/2026\/plan\?copied=/);

  // Staff: start the 2025 report, then the pairing form lists each 2026 goal with its 2025 source.
  await page.goto(`${server.url}/staff/edit/${dept}/2025/plan`);
  await page.getByRole('button', { name: /年度末報告（達成状況）を開始/ }).click();
  await page.waitForURL(/\/2025\/review\?copied=/);
  await page.goto(`${server.url}/staff/edit/${dept}/2026/plan`);
  await page.getByRole('link', { name: /前年度の重点目標との対応/ }).click();
  await page.waitForURL(/\/2026\/plan\/pairing$/);
  const selects = page.locator('select[name="reviewGoal"]');
  assert.equal(await selects.count(), 5);
  for (let i = 0; i < 5; i++) {
    const chosen = await selects.nth(i).locator('option:checked').textContent();
    assert.match(chosen ?? '', /^重点目標\d/);
  }
  await checkAxe(page, 'pairing');

  const firstTitle = ((await page.locator('form.pairing-form label').first().textContent()) ?? '').replace(
    /^.*「(.*)」.*$/,
    '$1',
  );
  // Unset the first goal's pairing: it falls back to position, so moving a goal warns.
  await selects.first().selectOption('');
  await page
    .locator('form.pairing-form')
    .first()
    .getByRole('button', { name: /この対応を保存/ })
    .click();
  await page.waitForURL(/\/pairing\?saved=1$/);
  await page.goto(`${server.url}/staff/edit/${dept}/2026/plan`);
  await page.getByRole('button', { name: /上へ.*重点目標2）/ }).click();
  await page.waitForURL(/pairing=position/);
  await page.getByText('この並べ替えで、左右に並ぶ重点目標の組み合わせが変わりました。').waitFor();
  await page.locator('.pairing-notice').screenshot({ path: screenshotPath('lineage-copy-notice-only.png') });
  await checkAxe(page, 'editor-notice');

  // Pair it again through the form: it continues the goal of the same title.
  await page.goto(`${server.url}/staff/edit/${dept}/2026/plan/pairing`);
  const first = page
    .locator('form.pairing-form')
    .filter({ has: page.locator('label', { hasText: firstTitle }) });
  const source = await first.locator('option', { hasText: firstTitle }).first().getAttribute('value');
  assert.ok(source);
  await first.locator('select').selectOption(source);
  await first.getByRole('button', { name: /この対応を保存/ }).click();
  await page.waitForURL(/\/pairing\?saved=1$/);

  // The public page shows the 2026 plan once it is published (the workflow's last step, done here directly).
  const db = server.db.kysely;
  const fy = await findFiscalYearId(db, await demoMunicipalityId(db), 2026);
  assert.ok(fy);
  await setPhaseStatus(
    db,
    { departmentId: dept, fiscalYearId: fy, phase: 'goal_setting' },
    'published',
    'overwrite',
  );
  await page.goto(`${server.url}/m/minatodai/d/${dept}/lineage`);
  const steps2026 = page.locator('.lineage-step', { has: page.locator('a', { hasText: '2026年度' }) });
  assert.equal(await steps2026.count(), 5);
  assert.equal(await steps2026.locator('.lineage-mark--continued').count(), 5);
  assert.equal(await steps2026.locator('.lineage-mark--new').count(), 0);
  // Each 2026 goal sits in its source's thread: no thread consists of a 2026 step alone.
  const threads = page.locator('.lineage-thread');
  for (let i = 0; i < (await threads.count()); i++) {
    const steps = await threads.nth(i).locator('.lineage-step').count();
    assert.ok(steps > 1 || (await threads.nth(i).locator('a', { hasText: '2026年度' }).count()) === 0);
  }
  await checkAxe(page, 'public-lineage');
});
