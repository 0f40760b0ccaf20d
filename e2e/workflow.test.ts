import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../src/domain/auth/actor.ts';
import { createUser } from '../src/domain/auth/user.service.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations } from './staff-kit.ts';

let server: TestServer;
let browser: Browser | undefined;
let somuId = 0;
const YEAR = 2026;
const password = 'workflow-password-1';

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const municipalityId = await demoMunicipalityId(db);
  somuId = await demoDepartmentId(db, '総務部');
  const system = systemActor(municipalityId);
  await createUser(db, system, { login: 'kikaku', displayName: '企画 花子', password, role: 'planning' });
  await createUser(db, system, {
    login: 'somu-editor',
    displayName: '総務 一郎',
    password,
    role: 'editor',
    department: '総務部',
  });
  await createUser(db, system, {
    login: 'somu-head',
    displayName: '総務部長',
    password,
    role: 'approver',
    department: '総務部',
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each person in their own browser context (own cookies), signed in through the real form. */
/** `bypassCSP` only where axe is injected: elsewhere the app's own script runs under its real CSP. */
async function as(login: string, bypassCSP = false): Promise<Page> {
  browser ??= await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP })
  ).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}

const goalSetting = (page: Page) => page.locator('#phase-goal_setting');

async function act(page: Page, button: string | RegExp) {
  await goalSetting(page).getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
}

/** 公表 opens a confirmation page first; publishing happens only from there. */
async function publish(page: Page) {
  await act(page, '公表する');
  assert.match(await page.locator('main').innerText(), /公表しますか？/);
  await page.getByRole('button', { name: '公表する', exact: true }).click();
  await page.waitForLoadState('load');
}

/** Follows the first gap link of a refused submission and fills the field it points at. */
async function fillFirstGap(page: Page): Promise<void> {
  await page.locator('#gaps a').first().click();
  await page.waitForLoadState('load');
  const anchor = new URL(page.url()).hash.slice(1);
  const field = page.locator(`[id="${anchor}"]`);
  const form = page.locator('form', { has: field });
  if (anchor.startsWith('assessment-')) await field.getByLabel('達成', { exact: true }).check();
  else
    await field.fill(
      anchor.startsWith('reason-') ? '年度途中で事業計画を見直したため' : '計画どおり実施した',
    );
  await form.locator('button[type=submit]').first().click();
  await page.waitForLoadState('load');
}

test('a year through the chain: submit, return with a comment, resubmit, approve, accept, publish', {
  skip: chromiumSkip,
}, async () => {
  const panel = `${server.url}/staff/workflow/${somuId}/${YEAR}`;
  const planning = await as('kikaku');
  await planning.goto(`${server.url}/staff/workflow/matrix/${YEAR}`);
  await planning.getByRole('button', { name: /この年度を開始する/ }).click();
  await planning.waitForLoadState('load');
  assert.match(await planning.getByRole('status').innerText(), /年度を開始しました/);

  const editor = await as('somu-editor');
  await editor.goto(panel);
  assert.match(await goalSetting(editor).innerText(), /作成中/);
  await act(editor, '提出する');
  assert.match(await editor.getByRole('status').innerText(), /提出しました/);

  const head = await as('somu-head');
  await head.goto(`${server.url}/staff/inbox`);
  assert.match(await head.locator('.inbox').innerText(), /総務部の令和8年度目標設定が提出されました/);
  await head.goto(panel);
  // Keyboard only: type the reason, Tab to the button, Enter.
  await goalSetting(head).getByLabel('差し戻しの理由（必須）').focus();
  await head.keyboard.type('数値目標の根拠を追記してください');
  await head.keyboard.press('Tab');
  assert.equal(await head.evaluate(() => document.activeElement?.textContent?.trim()), '差し戻す');
  await head.keyboard.press('Enter');
  await head.waitForLoadState('load');
  assert.match(await head.getByRole('status').innerText(), /差し戻しました/);

  await editor.goto(`${server.url}/staff/inbox`);
  const inbox = await editor.locator('.inbox').innerText();
  assert.match(inbox, /差し戻されました。コメント: 数値目標の根拠を追記してください/);
  assert.match(inbox, /未読/);
  await editor.screenshot({ path: screenshotPath('workflow-inbox.png'), fullPage: true });
  await editor.getByRole('link', { name: '手続きの画面を開く' }).first().click();
  await editor.waitForLoadState('load');
  assert.match(
    await editor.locator('.workflow-table').innerText(),
    /差し戻し[\s\S]*数値目標の根拠を追記してください/,
  );
  assert.match(await goalSetting(editor).innerText(), /作成中/);
  await act(editor, '提出する');

  await head.goto(panel);
  await act(head, '承認する（部局長）');
  assert.match(await goalSetting(head).innerText(), /部局長承認済み/);

  await planning.goto(panel);
  await act(planning, '受理する（企画）');
  await publish(planning);
  assert.match(await goalSetting(planning).innerText(), /公表済み/);
  const history = await planning.locator('.workflow-table tbody tr').allInnerTexts();
  assert.deepEqual(
    history.slice(0, 6).map((row) => row.split('\t')[2]),
    ['公表', '受理（企画）', '承認（部局長）', '提出', '差し戻し', '提出'],
  );
  await planning.screenshot({ path: screenshotPath('workflow-panel.png'), fullPage: true });

  await planning.goto(`${server.url}/staff/workflow/matrix/${YEAR}`);
  const somuRow = await planning.getByRole('row', { name: /総務部/ }).innerText();
  assert.match(somuRow, /公表済み/);
  const overdue = await planning.locator('strong.overdue').count();
  assert.ok(overdue > 0, 'phases past their deadline say 期限超過 in words');
  await planning.screenshot({ path: screenshotPath('workflow-matrix.png'), fullPage: true });
});

test('reports: interim progress with its numbers; the final report refuses 未達成 without a reason', {
  skip: chromiumSkip,
}, async () => {
  const planning = await as('kikaku');
  for (const year of [2024, 2025]) {
    await planning.goto(`${server.url}/staff/workflow/matrix/${year}`);
    await planning.getByRole('button', { name: /この年度を開始する|新しい部局にも/ }).click();
    await planning.waitForLoadState('load');
  }
  // The imported 2024 review is public; planning takes it back so that 総務部 can assess it.
  await planning.goto(`${server.url}/staff/workflow/${somuId}/2024`);
  await planning
    .locator('#phase-final')
    .getByLabel(/差し戻しの理由/)
    .fill('評価と理由を追記してください');
  await planning.locator('#phase-final').getByRole('button', { name: '差し戻す' }).click();
  await planning.waitForLoadState('load');
  await planning.goto(`${server.url}/staff/workflow/chain`);
  await planning.screenshot({ path: screenshotPath('workflow-chain.png'), fullPage: true });

  const editor = await as('somu-editor');
  await editor.goto(`${server.url}/staff/workflow/${somuId}/2025/interim`);
  // One form per goal: the first item's progress and the second item's 未着手 go in with one 保存.
  const goalForm = editor.locator('.report-goal form').first();
  await goalForm.locator('textarea').first().fill('9月末までに研修を4回実施し、受講者は延べ120人');
  // Nothing done yet on the second item: said explicitly, which the submission accepts as reported.
  await goalForm
    .getByLabel(/未着手/)
    .nth(1)
    .check();
  await goalForm.getByRole('button', { name: /の進捗を保存する/ }).click();
  await editor.waitForLoadState('load');
  assert.match(editor.url(), /\?saved=goal-\d+#goal-\d+$/, 'back at the goal');
  assert.match(
    await editor.locator('.report-goal').first().innerText(),
    /この重点目標の入力を保存しました。/,
  );
  assert.match(await editor.locator('main').innerText(), /読み取った数値: 4回、120人/);
  assert.ok(
    await editor
      .locator('.report-goal form')
      .first()
      .getByLabel(/未着手/)
      .nth(1)
      .isChecked(),
  );
  // Each progress field says, right above it, which target it answers.
  assert.match(
    await editor.locator('.report-item .answers-target').first().innerText(),
    /この進捗が答える目標[\s\S]*電子申請の対象手続 400件以上/,
  );
  await editor.screenshot({ path: screenshotPath('workflow-interim.png') });
  const checked = await as('somu-editor', true);
  await checked.goto(`${server.url}/staff/workflow/${somuId}/2025/interim`);
  for (const width of [1280, 390]) {
    await checked.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(checked), [], `axe on the interim report at ${width}px`);
  }
  await checked.screenshot({ path: screenshotPath('workflow-interim-390.png') });
  await checked.context().close();

  await editor.goto(`${server.url}/staff/workflow/${somuId}/2024/final`);
  const forms = editor.locator('.report-goal form');
  const count = await forms.count();
  assert.ok(count > 0, 'the review goals of 2024 are listed');
  for (let i = 0; i < count; i += 1) {
    const form = editor.locator('.report-goal form').nth(i);
    await form.getByLabel(i === 0 ? '未達成' : '達成', { exact: true }).check();
    await form.getByRole('button').click();
    await editor.waitForLoadState('load');
  }
  await editor.goto(`${server.url}/staff/workflow/${somuId}/2024`);
  await editor.locator('#phase-final').getByRole('button', { name: '提出する' }).click();
  await editor.waitForLoadState('load');
  assert.match(
    await editor.getByRole('alert').innerText(),
    /提出できません。入力が必要な項目が\d+件あります/,
  );
  const gaps = editor.locator('#gaps');
  assert.match(
    await gaps.innerText(),
    /重点目標1は評価が「未達成」です。達成できなかった理由を入力してください/,
  );
  assert.match(
    (await gaps.getByRole('link', { name: /重点目標1は評価が「未達成」/ }).getAttribute('href')) ?? '',
    new RegExp(`^/staff/workflow/${somuId}/2024/final\\?from=gaps#reason-\\d+$`),
  );
  await editor.screenshot({ path: screenshotPath('workflow-gaps.png'), fullPage: true });

  // The gap's link opens the final report at that goal's reason field.
  await gaps.getByRole('link').first().click();
  await editor.waitForLoadState('load');
  assert.match(new URL(editor.url()).hash, /^#reason-\d+$/);
  const first = editor.locator('.report-goal form').first();
  await first.getByLabel(/理由/).fill('庁内調整に時間を要し、システム更新が翌年度にずれ込んだため');
  await first.getByRole('button').click();
  await editor.waitForLoadState('load');
  await editor.screenshot({ path: screenshotPath('workflow-final.png'), fullPage: true });
  const finalChecked = await as('somu-editor', true);
  await finalChecked.goto(`${server.url}/staff/workflow/${somuId}/2024/final`);
  assert.ok(
    (await finalChecked.locator('.report-achievements .answers-target').count()) > 0,
    'targets shown',
  );
  for (const width of [1280, 390]) {
    await finalChecked.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(finalChecked), [], `axe on the final report at ${width}px`);
  }
  await finalChecked.context().close();
  // Whatever else the refusal lists (reasons the computed grades ask for), its links lead to the fields.
  for (let round = 0; round < 40; round += 1) {
    await editor.goto(`${server.url}/staff/workflow/${somuId}/2024`);
    await editor.locator('#phase-final').getByRole('button', { name: '提出する' }).click();
    await editor.waitForLoadState('load');
    if ((await editor.locator('#gaps').count()) === 0) break;
    await fillFirstGap(editor);
  }
  assert.match(await editor.locator('#phase-final').innerText(), /提出済み/);
});
