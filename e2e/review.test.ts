import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Actor, systemActor } from '../src/domain/auth/actor.ts';
import { listGrants } from '../src/domain/auth/user.repo.ts';
import { createUser } from '../src/domain/auth/user.service.ts';
import { findFiscalYearId } from '../src/domain/fiscal-years/fiscal-year.repo.ts';
import { copyPlanToNextYear, editItem } from '../src/domain/goals/goal-edit.service.ts';
import { openFiscalYear } from '../src/domain/workflow/year.service.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations } from './staff-kit.ts';

/** Issue 10, item 3: the approver reviews what they approve; the editor sees why it came back. */
let server: TestServer;
let browser: Browser | undefined;
let somuId = 0;
let editorActor: Actor;
const YEAR = 2026;
const password = 'review-password-1';

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const municipalityId = await demoMunicipalityId(db);
  somuId = await demoDepartmentId(db, '総務部');
  const system = systemActor(municipalityId);
  const planningId = await createUser(db, system, { login: 'kikaku', password, role: 'planning' });
  const editorId = await createUser(db, system, {
    login: 'somu-editor',
    password,
    role: 'editor',
    department: '総務部',
  });
  await createUser(db, system, { login: 'somu-head', password, role: 'approver', department: '総務部' });
  await createUser(db, system, { login: 'kenko-editor', password, role: 'editor', department: '健康福祉部' });
  const actor = async (userId: number, login: string) => ({
    userId,
    login,
    municipalityId,
    grants: await listGrants(db, userId),
  });
  await openFiscalYear(db, await actor(planningId, 'kikaku'), { year: YEAR });
  editorActor = await actor(editorId, 'somu-editor');
  await copyPlanToNextYear(db, editorActor, { departmentId: somuId, year: YEAR - 1 });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function as(login: string): Promise<Page> {
  browser ??= await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}

const goalSetting = (page: Page) => page.locator('#phase-goal_setting');

async function noAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${violations.join('\n')}`);
}

test('approver reviews the submitted plan, returns it; the editor sees why; the resubmission shows the changes', {
  skip: chromiumSkip,
}, async () => {
  const panel = `${server.url}/staff/workflow/${somuId}/${YEAR}`;
  const editor = await as('somu-editor');
  await editor.goto(panel);
  await goalSetting(editor).getByRole('button', { name: '提出する' }).click();
  await editor.waitForLoadState('load');

  const head = await as('somu-head');
  await head.goto(`${server.url}/staff/inbox`);
  await head
    .getByRole('link', { name: /内容を確認する/ })
    .first()
    .click();
  await head.waitForLoadState('load');
  assert.match(head.url(), new RegExp(`/staff/review/${somuId}/${YEAR}/goal_setting$`));
  await head.goto(panel);
  await goalSetting(head)
    .getByRole('link', { name: /目標設定の内容を確認する/ })
    .click();
  await head.waitForLoadState('load');
  assert.match(await head.locator('h1').innerText(), /総務部 令和8年度（2026年度） 目標設定の内容確認/);
  assert.match(await head.locator('table.ichiran').innerText(), /【令和8年度重点目標】/);
  assert.match(await head.locator('#last-year-title').innerText(), /令和7年度（2025年度）の目標からの変更/);
  await noAxeViolations(head, 'review of the first submission');
  await head.screenshot({ path: screenshotPath('review-submitted.png'), fullPage: true });

  await head.goto(panel);
  await goalSetting(head).getByLabel('差し戻しの理由（必須）').fill('取組項目の対象者を明記してください');
  await goalSetting(head).getByRole('button', { name: '差し戻す' }).click();
  await head.waitForLoadState('load');

  await editor.goto(`${server.url}/staff/edit/${somuId}/${YEAR}/plan`);
  const notice = editor.locator('.return-notice');
  assert.match(await notice.innerText(), /差し戻されました[\s\S]*取組項目の対象者を明記してください/);
  await noAxeViolations(editor, 'editor page with the return comment');
  await editor.screenshot({ path: screenshotPath('review-editor-returned.png') });

  const db = server.db.kysely;
  const fy = (await findFiscalYearId(db, editorActor.municipalityId, YEAR)) ?? -1;
  const item = await db
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['item.id', 'item.version', 'item.text', 'item.target', 'item.no'])
    .where('goal.department_id', '=', somuId)
    .where('goal.fiscal_year_id', '=', fy)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.position')
    .orderBy('item.position')
    .executeTakeFirstOrThrow();
  await editItem(db, editorActor, {
    itemId: item.id,
    version: item.version,
    no: item.no,
    unit: null,
    text: `全職員を対象に${item.text}`,
    note: item.target ?? '',
  });
  await editor.goto(panel);
  await goalSetting(editor).getByRole('button', { name: '提出する' }).click();
  await editor.waitForLoadState('load');

  await head.goto(`${server.url}/staff/review/${somuId}/${YEAR}/goal_setting`);
  const since = head.locator('section[aria-labelledby="since-return-title"]');
  assert.match(await since.innerText(), /取組項目の対象者を明記してください/);
  assert.match(await since.locator('ins').first().innerText(), /全職員を対象に/);
  await noAxeViolations(head, 'review of the resubmission');
  await head.screenshot({ path: screenshotPath('review-resubmitted.png'), fullPage: true });

  const stranger = await as('kenko-editor');
  const refused = await stranger.goto(`${server.url}/staff/review/${somuId}/${YEAR}/goal_setting`);
  assert.equal(refused?.status(), 403);
  assert.doesNotMatch(await stranger.locator('main').innerText(), /全職員を対象に/);
});

test('the 期末報告 review sets each target beside its result and grade', { skip: chromiumSkip }, async () => {
  const planning = await as('kikaku');
  await planning.goto(`${server.url}/staff/review/${somuId}/2024/final`);
  const results = planning.locator('section[aria-labelledby="results-title"]');
  assert.match(await results.innerText(), /数値目標[\s\S]*実績[\s\S]*達成率[\s\S]*評価（計算）/);
  assert.ok((await results.locator('tbody tr').count()) > 3, 'rows of targets');
  await noAxeViolations(planning, 'final review');
  await planning.screenshot({ path: screenshotPath('review-final.png'), fullPage: true });
});
