import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { evaluateDepartmentYear } from '../src/domain/evaluation/index.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { makeUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

/**
 * An editor marks a target as 成果指標 on the staff evaluation page, by keyboard where it matters:
 * the disclosure opens with Enter, a wrong figure comes back named at its field, the saved indicator
 * shows as words and pre-fills the form. axe-core finds no WCAG 2.x A/AA violation in either state.
 */
const YEAR = 2023;

let server: TestServer;
let browser: Browser | undefined;
let departmentId: number;
let login: string;

before(async () => {
  server = await startTestServer();
  const department = await server.db.kysely
    .selectFrom('department')
    .select(['id', 'municipality_id'])
    .where('name', '=', '総務部')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  departmentId = department.id;
  login = (await makeUser(server.db.kysely, department.municipality_id, 'editor', department.id)).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('an editor sets a 成果指標 with baseline and long-term target in Chromium', {
  skip: chromiumSkip,
}, async () => {
  const db = server.db.kysely;
  const targets = (await evaluateDepartmentYear(db, departmentId, YEAR)).goals.flatMap((g) =>
    g.items.flatMap((i) => i.targets),
  );
  const target = targets.find((t) => t.indicator === null) ?? assert.fail('no target');
  const id = target.target.id;
  const unit = target.target.unit;

  browser = await launchChromium();
  const path = `/staff/evaluation/${departmentId}/${YEAR}`;
  const page = await signedInPage(browser, server, login, path);
  const context = page.context();

  // From the row's last match button, Tab reaches the disclosure; Enter opens it.
  const row = page.locator(`#target-${id}`);
  const summary = row.locator('summary');
  await row.locator(`form[action$="/matches/${id}"] button`).last().focus();
  for (let i = 0; i < 5 && !(await summary.evaluate((s) => s === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  assert.equal(await summary.evaluate((s) => s === document.activeElement), true, 'summary in tab order');
  await page.keyboard.press('Enter');
  assert.equal(await row.locator('details').getAttribute('open'), '');

  // A figure that is not a number: refused, and the page names the field.
  await row.getByLabel(`基準値（${unit}）`).fill('千二百');
  await row.getByLabel('目標年度（西暦）').press('Enter');
  await page.waitForURL(/failed=invalid/);
  assert.match((await page.getByRole('alert').textContent()) ?? '', /指標の「基準値」/);
  const bad = row.getByLabel(`基準値（${unit}）`);
  assert.equal(await bad.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'the page with the error');

  await row.getByLabel('成果指標').check();
  await row.getByLabel('指標名').fill('転入者数');
  await bad.fill('１，２００');
  await row.getByLabel('基準日').fill('2023-04-01');
  await row.getByLabel(`長期目標値（${unit}）`).fill('２，０００');
  await row.getByLabel('目標年度（西暦）').fill('2030');
  await row.getByLabel('目標年度（西暦）').press('Enter');
  await page.waitForURL(/\?saved=indicator#/);
  assert.equal(await page.getByRole('status').textContent(), '指標の設定を保存しました。');
  assert.equal(await row.locator('.eval-indicator-kind').textContent(), '成果指標');
  const shown = (await row.locator('.eval-indicator').textContent()) ?? '';
  assert.ok(shown.includes(`基準値 1,200${unit}（2023年4月1日）`), shown);
  assert.ok(shown.includes(`長期目標 2,000${unit}（2030年度）`), shown);

  const stored = (await evaluateDepartmentYear(db, departmentId, YEAR)).goals
    .flatMap((g) => g.items.flatMap((i) => i.targets))
    .find((t) => t.target.id === id)?.indicator;
  assert.deepEqual(stored?.baseline, { value: 1200, date: '2023-04-01' });
  assert.deepEqual(stored?.longTerm, { value: 2000, year: 2030 });

  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await row.getByLabel(`基準値（${unit}）`).inputValue(), '1200', 'pre-filled');
  assert.equal(await row.getByLabel('成果指標').isChecked(), true);
  assert.deepEqual(await axeViolations(page), [], 'the page with the indicator set and its form open');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('evaluation-indicator.png'), fullPage: false });
  await context.close();
});
