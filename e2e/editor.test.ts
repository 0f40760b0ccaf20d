import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../src/domain/auth/actor.ts';
import { systemActor } from '../src/domain/auth/actor.ts';
import { createUser } from '../src/domain/auth/user.service.ts';
import { copyPlanToNextYear } from '../src/domain/goals/goal-edit.service.ts';
import { launchChromium } from '../src/web/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

let server: TestServer;
let browser: Browser | undefined;
let blockUrl: string;
let itemId: number;
const password = 'e2e-editor-password';

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const department = await db
    .selectFrom('department')
    .select(['id', 'municipality_id'])
    .where('name', '=', '市民生活部')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const system = systemActor(department.municipality_id);
  const grants = [{ role: 'editor' as const, departmentId: department.id }];
  const userId = await createUser(db, system, {
    login: 'e2e-henshu',
    password,
    role: 'editor',
    department: '市民生活部',
  });
  await createUser(db, system, { login: 'e2e-henshu2', password, role: 'editor', department: '市民生活部' });
  // The demo's imported blocks are published (locked): the editor starts 2026 from 2025, as staff would.
  const editor: Actor = { userId, login: 'e2e-henshu', municipalityId: department.municipality_id, grants };
  const copy = await copyPlanToNextYear(db, editor, { departmentId: department.id, year: 2025 });
  const item = await db
    .selectFrom('item')
    .select('id')
    .where('goal_id', '=', copy.goals[0]?.id ?? -1)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  itemId = item.id;
  blockUrl = `${server.url}/staff/edit/${department.id}/2026/plan`;
});
after(async () => {
  await browser?.close();
  await server.close();
});

async function signedIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
  browser ??= await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login?next=/staff/edit`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/staff/edit`);
  return { context, page };
}

/** Presses Tab until `matches` holds for the focused element: the control is reachable by keyboard. */
async function tabTo(
  page: Page,
  matches: (arg: string) => boolean,
  arg: string,
  what: string,
): Promise<number> {
  for (let presses = 1; presses <= 200; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches, arg)) return presses;
  }
  throw new Error(`${what} is not reachable with Tab`);
}

test('an editor edits an item with the keyboard alone; a stale save from another browser keeps its text', {
  skip: chromiumSkip,
}, async () => {
  const one = await signedIn('e2e-henshu');
  const list = one.page;
  assert.match((await list.locator('h1').textContent()) ?? '', /目標の編集/);
  assert.match((await list.locator('main').textContent()) ?? '', /市民生活部/);
  await list.screenshot({ path: screenshotPath('editor-list.png'), fullPage: true });

  // The second browser opens the same block before the first one saves: it holds the old version.
  const two = await signedIn('e2e-henshu2');
  await two.page.goto(blockUrl);

  const page = one.page;
  await page.goto(blockUrl);
  assert.match((await page.locator('.block-state').textContent()) ?? '', /作成中/);
  await page.screenshot({ path: screenshotPath('editor-block.png'), fullPage: false });
  const textId = `item-${itemId}-text`;
  await tabTo(page, (id) => document.activeElement?.id === id, textId, 'the item text');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('キーボードだけで書き直した取組内容');
  const saveAction = `/items/${itemId}`;
  await tabTo(
    page,
    (action) => {
      const el = document.activeElement;
      return el?.tagName === 'BUTTON' && (el.closest('form')?.getAttribute('action') ?? '').endsWith(action);
    },
    saveAction,
    'the item save button',
  );
  await Promise.all([page.waitForURL(/saved=item-/), page.keyboard.press('Enter')]);
  assert.ok(page.url().endsWith(`?saved=item-${itemId}#item-${itemId}`), page.url());
  const flash = page.locator(`#item-${itemId} .flash`);
  assert.equal((await flash.textContent()) ?? '', '取組項目を保存しました。');
  // The fragment makes the changed item the keyboard's starting point: Tab continues inside it.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `item-${itemId}-no`);
  assert.equal(await page.locator(`#${textId}`).inputValue(), 'キーボードだけで書き直した取組内容');
  await page.screenshot({ path: screenshotPath('editor-saved.png'), fullPage: false });

  const stale = two.page;
  await stale.locator(`#${textId}`).fill('別のブラウザで書いた内容');
  const [response] = await Promise.all([
    stale.waitForResponse((r) => r.request().method() === 'POST'),
    stale.locator(`#item-${itemId} form.item-form button[type=submit]`).click(),
  ]);
  assert.equal(response.status(), 409);
  await stale.waitForLoadState('load');
  const problem = stale.locator(`#item-${itemId} .problem`);
  assert.match((await problem.textContent()) ?? '', /他の人が先にこの項目を変更しました。/);
  assert.match(
    (await problem.textContent()) ?? '',
    /キーボードだけで書き直した取組内容/,
    'the other change is shown',
  );
  assert.equal(await stale.locator(`#${textId}`).inputValue(), '別のブラウザで書いた内容', 'own text kept');
  assert.equal(await stale.evaluate(() => document.activeElement?.id), 'problem', 'focus is on the message');
  await stale.locator(`#item-${itemId}`).scrollIntoViewIfNeeded();
  await stale.screenshot({ path: screenshotPath('editor-conflict.png'), fullPage: false });

  const stored = await server.db.kysely
    .selectFrom('item')
    .select('text')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  assert.equal(stored.text, 'キーボードだけで書き直した取組内容', 'the stale save wrote nothing');
  await one.context.close();
  await two.context.close();
});

test('a published block is read-only and says why', { skip: chromiumSkip }, async () => {
  const { context, page } = await signedIn('e2e-henshu');
  await page.goto(blockUrl.replace('/2026/plan', '/2025/plan'));
  assert.match(
    (await page.locator('.editor-notice').textContent()) ?? '',
    /「公表済み」のため編集できません/,
  );
  assert.equal(await page.locator('main textarea').count(), 0);
  await page.screenshot({ path: screenshotPath('editor-locked.png'), fullPage: false });
  await context.close();
});
