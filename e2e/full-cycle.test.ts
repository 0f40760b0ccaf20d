import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { copyPlanToNextYear } from '../src/domain/goals/goal-edit.service.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { makeUser, TEST_PASSWORD, type TestUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

/**
 * The yearly cycle end to end, in Chromium: an editor drafts, the 部局長 returns it with a comment, the
 * editor fixes it, the 部局長 approves, 企画 accepts and publishes, and the public page shows the fix.
 */
let server: TestServer;
let browser: Browser | undefined;
let somuId = 0;
const users = {} as { planning: TestUser; editor: TestUser; head: TestUser };
const YEAR = 2026;

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const municipalityId = await demoMunicipalityId(db);
  somuId = await demoDepartmentId(db, '総務部');
  users.planning = await makeUser(db, municipalityId, 'planning');
  users.editor = await makeUser(db, municipalityId, 'editor', somuId);
  users.head = await makeUser(db, municipalityId, 'approver', somuId);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function as(user: TestUser): Promise<Page> {
  browser ??= await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('ログインID').fill(user.login);
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}

const goalSetting = (page: Page) => page.locator('#phase-goal_setting');

async function act(page: Page, button: string | RegExp) {
  await goalSetting(page).getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
}

async function editItem(page: Page, itemId: number, text: string) {
  await page.goto(`${server.url}/staff/edit/${somuId}/${YEAR}/plan`);
  const field = page.locator(`#item-${itemId}-text`);
  await field.fill(text);
  // The item's fields belong to its goal's one form; that form's single 保存 sends them.
  const form = await field.getAttribute('form');
  await Promise.all([page.waitForURL(/saved=goal-/), page.locator(`button[form="${form}"]`).click()]);
}

test('draft → returned with a comment → fixed → approved → published → on the public page', {
  skip: chromiumSkip,
}, async () => {
  const planning = await as(users.planning);
  await planning.goto(`${server.url}/staff/workflow/matrix/${YEAR}`);
  await planning.getByRole('button', { name: /この年度を開始する/ }).click();
  await planning.waitForLoadState('load');

  // The editor starts the year from last year's goals, then rewrites an item in the browser.
  const copy = await copyPlanToNextYear(server.db.kysely, users.editor.actor, {
    departmentId: somuId,
    year: 2025,
  });
  const goalId = copy.goals[0]?.id ?? -1;
  const item = await server.db.kysely
    .selectFrom('item')
    .select('id')
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const editor = await as(users.editor);
  await editItem(editor, item.id, '窓口手続のオンライン化 ・対象手続を拡大する');
  const panel = `${server.url}/staff/workflow/${somuId}/${YEAR}`;
  await editor.goto(panel);
  await act(editor, '提出する');

  const head = await as(users.head);
  await head.goto(panel);
  await goalSetting(head).getByLabel('差し戻しの理由（必須）').fill('対象手続の数を書いてください');
  await act(head, '差し戻す');

  await editor.goto(panel);
  assert.match(await editor.locator('.workflow-table').innerText(), /対象手続の数を書いてください/);
  await editItem(editor, item.id, '窓口手続のオンライン化 ・対象手続を120件に拡大する');
  await editor.goto(panel);
  await act(editor, '提出する');

  await head.goto(panel);
  await act(head, '承認する（部局長）');
  await planning.goto(panel);
  await act(planning, '受理する（企画）');
  await act(planning, '公表する');
  // 公表 asks on its own page before anything becomes public.
  assert.match(await planning.locator('main').innerText(), /目標設定を公表しますか？/);
  await planning.screenshot({ path: screenshotPath('publish-confirm.png'), fullPage: true });
  await planning.getByRole('button', { name: '公表する', exact: true }).click();
  await planning.waitForLoadState('load');
  assert.match(await goalSetting(planning).innerText(), /公表済み/);

  const citizen = await (await (browser as Browser).newContext()).newPage();
  const response = await citizen.goto(`${server.url}/m/minatodai/d/${somuId}/${YEAR}`);
  assert.equal(response?.status(), 200);
  const table = await citizen.locator('table').first().innerText();
  assert.match(table, /対象手続を120件に拡大する/);
  assert.doesNotMatch(table, /対象手続を拡大する/);
  await citizen.screenshot({ path: screenshotPath('full-cycle-public.png'), fullPage: true });
});
