import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Role } from '../src/domain/auth/actor.ts';
import { transition } from '../src/domain/workflow/transition.service.ts';
import { openFiscalYear, setDeadline } from '../src/domain/workflow/year.service.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { fillPhase } from '../src/test-support/phase-fill.ts';
import { makeUser, type TestUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage, signInOn, staffTab } from './staff-kit.ts';

/** Issue 11, item 1: the staff home per role; an approver finds the waiting submission on the first page. */
let server: TestServer;
let browser: Browser | undefined;
let soumu = 0;
const YEAR = 2031;
const users = {} as Record<Role, TestUser>;

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const m = await demoMunicipalityId(db);
  soumu = await demoDepartmentId(db, '総務部');
  for (const role of ['admin', 'planning', 'viewer'] as const) users[role] = await makeUser(db, m, role);
  users.editor = await makeUser(db, m, 'editor', soumu);
  users.approver = await makeUser(db, m, 'approver', soumu);
  await openFiscalYear(db, users.planning.actor, { year: YEAR });
  await fillPhase(db, users.editor.actor, { departmentId: soumu, year: YEAR, phase: 'goal_setting' });
  const { version } = await db
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('phase_status.version')
    .where('department_id', '=', soumu)
    .where('fiscal_year.year', '=', YEAR)
    .where('phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  await transition(db, users.editor.actor, {
    departmentId: soumu,
    year: YEAR,
    phase: 'goal_setting',
    action: 'submit',
    version,
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the approver signs in and finds the waiting submission on the first page, one click from its review', {
  skip: chromiumSkip,
}, async () => {
  browser ??= await launchChromium();
  const page = await signedInPage(browser, server, users.approver.login, '/staff');
  const waiting = page.getByRole('region', { name: /あなたの対応待ち（1件）/ });
  const link = waiting.getByRole('link', {
    name: /総務部 令和13年度（2031年度） 目標設定の内容を確認して承認する/,
  });
  assert.ok(await link.isVisible(), 'the waiting submission is on the first page');
  // Above the fold at 1280 × 900: seen without scrolling.
  const box = await link.boundingBox();
  assert.ok(box && box.y + box.height < 900, `the link is in the first screen (y=${box?.y})`);
  assert.equal(await page.locator('.staff-bar__count').textContent(), '1');
  assert.match((await page.locator('.site-header__municipality').textContent()) ?? '', /みなと台市/);
  await page.screenshot({ path: screenshotPath('staff-home-approver-1280.png'), fullPage: true });
  await link.click();
  await page.waitForURL(`${server.url}/staff/review/${soumu}/${YEAR}/goal_setting`);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  assert.ok(await page.getByRole('link', { name: /手続きの画面（承認・差し戻し）へ戻る/ }).isVisible());
  await page.context().close();
});

for (const width of [1280, 390]) {
  test(`the staff home of every role has no axe violations at ${width} px`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    // One tab per width; the roles take turns in it, each signing in through the form.
    const page = await staffTab(browser, width);
    for (const role of ['admin', 'planning', 'editor', 'approver', 'viewer'] as const) {
      await signInOn(page, server, users[role].login, '/staff');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${role} at ${width}: ${violations.join('\n')}`);
      await page.screenshot({ path: screenshotPath(`staff-home-${role}-${width}.png`), fullPage: true });
      // Another staff page carries the same bar (city, 対応待ち) without axe findings.
      await page.goto(`${server.url}/staff/inbox`);
      assert.equal(await page.locator('.staff-bar').count(), 1);
      assert.deepEqual(await axeViolations(page), [], `${role} inbox at ${width}`);
      if (role === 'editor') {
        await page.screenshot({ path: screenshotPath(`staff-bar-inbox-editor-${width}.png`) });
      }
    }
    await page.context().close();
  });
}

test('a 差し戻し past its deadline: first on the editor’s home with its reason, and listed as overdue', {
  skip: chromiumSkip,
}, async () => {
  const db = server.db.kysely;
  await setDeadline(db, users.planning.actor, { year: YEAR, phase: 'goal_setting', dueDate: '2026-04-30' });
  const { version } = await db
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('phase_status.version')
    .where('department_id', '=', soumu)
    .where('fiscal_year.year', '=', YEAR)
    .where('phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  await transition(db, users.approver.actor, {
    departmentId: soumu,
    year: YEAR,
    phase: 'goal_setting',
    action: 'return',
    version,
    comment: '数値目標の根拠を書き足してください',
  });
  browser ??= await launchChromium();
  for (const width of [1280, 390]) {
    const page = await signedInPage(browser, server, users.editor.login, '/staff', width);
    const first = page.locator('.home-task').first();
    assert.match((await first.textContent()) ?? '', /目標設定を直して再提出する/);
    assert.match((await first.textContent()) ?? '', /数値目標の根拠を書き足してください/);
    assert.match((await first.textContent()) ?? '', /期限を過ぎています/);
    const overdue = page.getByRole('region', { name: /期限を過ぎている手続き（\d+件）/ });
    assert.ok(
      await overdue.getByRole('link', { name: /総務部 令和13年度（2031年度） 目標設定/ }).isVisible(),
    );
    assert.deepEqual(await axeViolations(page), [], `returned at ${width}`);
    await page.screenshot({ path: screenshotPath(`staff-home-returned-${width}.png`), fullPage: true });
    await page.context().close();
  }
});
