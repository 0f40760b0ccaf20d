import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../src/domain/auth/actor.ts';
import { systemActor } from '../src/domain/auth/actor.ts';
import { createUser } from '../src/domain/auth/user.service.ts';
import { copyPlanToNextYear, startYearEndReport } from '../src/domain/goals/goal-edit.service.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations } from './staff-kit.ts';

let server: TestServer;
let browser: Browser | undefined;
let blockUrl: string;
let itemId: number;
let goalId: number;
let departmentId: number;
let editorActor: Actor;
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
  goalId = copy.goals[0]?.id ?? -1;
  departmentId = department.id;
  editorActor = editor;
  blockUrl = `${server.url}/staff/edit/${department.id}/2026/plan`;
});
after(async () => {
  await browser?.close();
  await server.close();
});

/** `bypassCSP` only where axe is injected: elsewhere the app's own script runs under its real CSP. */
async function signedIn(login: string, bypassCSP = false): Promise<{ context: BrowserContext; page: Page }> {
  browser ??= await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    bypassCSP,
  });
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
  // One 保存 for the goal: the button is joined to the goal's form by its form attribute.
  const formId = `goal-${goalId}-form`;
  await tabTo(
    page,
    (form) => {
      const el = document.activeElement;
      return el?.tagName === 'BUTTON' && el.getAttribute('form') === form;
    },
    formId,
    'the goal save button',
  );
  await Promise.all([page.waitForURL(/saved=goal-/), page.keyboard.press('Enter')]);
  assert.ok(page.url().endsWith(`?saved=goal-${goalId}#goal-${goalId}`), page.url());
  const flash = page.locator(`#goal-${goalId} .flash`);
  assert.equal((await flash.textContent()) ?? '', '重点目標と取組項目の入力を保存しました。');
  // The fragment makes the saved goal the keyboard's starting point: Tab continues inside it.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `goal-${goalId}-title`);
  assert.equal(await page.locator(`#${textId}`).inputValue(), 'キーボードだけで書き直した取組内容');
  await page.screenshot({ path: screenshotPath('editor-saved.png'), fullPage: false });

  const stale = two.page;
  await stale.locator(`#${textId}`).fill('別のブラウザで書いた内容');
  const [response] = await Promise.all([
    stale.waitForResponse((r) => r.request().method() === 'POST'),
    stale.locator(`button[form="goal-${goalId}-form"]`).click(),
  ]);
  assert.equal(response.status(), 409);
  await stale.waitForLoadState('load');
  const problem = stale.locator(`#goal-${goalId} .problem`);
  assert.match(
    (await problem.textContent()) ?? '',
    /他の人が先に変更しました。上書きしないよう、何も保存していません。/,
  );
  assert.match(
    (await problem.textContent()) ?? '',
    /キーボードだけで書き直した取組内容/,
    'the other change is shown',
  );
  assert.equal(await stale.locator(`#${textId}`).inputValue(), '別のブラウザで書いた内容', 'own text kept');
  assert.equal(await stale.evaluate(() => document.activeElement?.id), 'problem', 'focus is on the message');
  assert.match(
    (await stale.locator(`#item-${itemId} .field-error`).textContent()) ?? '',
    /この取組項目は他の人が先に変更しました。/,
    'the changed item says so too',
  );
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

test('one 保存 stores the goal title and item ② together, marks unsaved fields and lands at the goal', {
  skip: chromiumSkip,
}, async () => {
  const { context, page } = await signedIn('e2e-henshu');
  await page.goto(blockUrl);
  const second = await server.db.kysely
    .selectFrom('item')
    .select('id')
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .offset(1)
    .limit(1)
    .executeTakeFirstOrThrow();
  const title = page.locator(`#goal-${goalId}-title`);
  await title.fill('一つの保存で書き直した重点目標');
  await page.locator(`#item-${second.id}-text`).fill('一つの保存で書き直した取組②');
  // The small script marks what is typed but not saved, and says so beside the save button.
  assert.match((await title.getAttribute('class')) ?? '', /is-changed/);
  assert.equal(await page.locator(`#goal-${goalId} .is-changed`).count(), 2, 'only the two typed fields');
  assert.equal(
    await page.locator(`[data-unsaved-for="goal-${goalId}-form"]`).textContent(),
    '保存していない変更があります。',
  );
  await page.locator(`#item-${second.id}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('editor-unsaved.png'), fullPage: false });
  // Leaving by a link asks first; staying keeps the input.
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    });
  });
  await page.locator('.editor-nav a[href="/staff"]').click({ noWaitAfter: true });
  assert.equal(await asked, 'beforeunload');
  assert.equal(await title.inputValue(), '一つの保存で書き直した重点目標');

  await Promise.all([
    page.waitForURL(/saved=goal-/),
    page.locator(`button[form="goal-${goalId}-form"]`).click(),
  ]);
  assert.ok(page.url().endsWith(`?saved=goal-${goalId}#goal-${goalId}`), page.url());
  const goal = await server.db.kysely
    .selectFrom('goal')
    .select('title')
    .where('id', '=', goalId)
    .executeTakeFirstOrThrow();
  const item = await server.db.kysely
    .selectFrom('item')
    .select('text')
    .where('id', '=', second.id)
    .executeTakeFirstOrThrow();
  assert.equal(goal.title, '一つの保存で書き直した重点目標');
  assert.equal(item.text, '一つの保存で書き直した取組②');
  const flash = page.locator(`#goal-${goalId} .flash`);
  assert.ok(await flash.isVisible());
  const box = await flash.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, 'the notice is in view after landing at the goal');
  await page.screenshot({ path: screenshotPath('editor-goal-saved.png'), fullPage: false });

  // An empty item text: nothing saved, the field named, the typed title kept.
  await title.fill('保存されないはずの題');
  await page.locator(`#item-${second.id}-text`).evaluate((el) => {
    (el as HTMLTextAreaElement).required = false;
    (el as HTMLTextAreaElement).value = '';
  });
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator(`button[form="goal-${goalId}-form"]`).click(),
  ]);
  assert.equal(refused.status(), 400);
  await page.waitForLoadState('load');
  assert.equal(await title.inputValue(), '保存されないはずの題');
  assert.equal(
    await page.locator(`#item-${second.id}-text-error`).textContent(),
    '具体的な重点取組項目を入力してください。',
  );
  await page.locator(`#item-${second.id}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('editor-goal-invalid.png'), fullPage: false });
  const stored = await server.db.kysely
    .selectFrom('goal')
    .select('title')
    .where('id', '=', goalId)
    .executeTakeFirstOrThrow();
  assert.equal(stored.title, '一つの保存で書き直した重点目標', 'the refused save wrote nothing');
  await context.close();
});

test('the 達成状況 field shows the target it answers; editor pages pass axe at 1280 and 390 px', {
  skip: chromiumSkip,
}, async () => {
  await startYearEndReport(server.db.kysely, editorActor, { departmentId, year: 2026 });
  const plan = await server.db.kysely
    .selectFrom('item')
    .select('target')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  const { context, page } = await signedIn('e2e-henshu', true);
  await page.goto(blockUrl.replace('/plan', '/review'));
  const note = page.locator('textarea[id$="-note"]').first();
  const noteId = (await note.getAttribute('id')) ?? '';
  const answers = page.locator(`#${noteId}-answers`);
  assert.match((await answers.textContent()) ?? '', /この達成状況が答える目標/);
  assert.ok(((await answers.textContent()) ?? '').includes((plan.target ?? '').split('\n')[0] ?? '-'));
  assert.match((await note.getAttribute('aria-describedby')) ?? '', new RegExp(`${noteId}-answers`));
  const [targetBox, noteBox] = [await answers.boundingBox(), await note.boundingBox()];
  assert.ok(targetBox && noteBox && targetBox.y < noteBox.y, 'the target sits above the field');
  await answers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('editor-review-target.png'), fullPage: false });
  for (const url of [blockUrl, blockUrl.replace('/plan', '/review')]) {
    await page.goto(url);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe on ${url} at ${width}px`);
    }
  }
  await page.screenshot({ path: screenshotPath('editor-review-390.png'), fullPage: false });
  // A refused goal form (errors at the fields) passes too.
  await page.goto(blockUrl);
  await page.locator(`#item-${itemId}-text`).evaluate((el) => {
    (el as HTMLTextAreaElement).required = false;
    (el as HTMLTextAreaElement).value = '';
  });
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator(`button[form="goal-${goalId}-form"]`).click(),
  ]);
  await page.waitForLoadState('load');
  assert.equal(await page.locator(`#item-${itemId}-text-error`).count(), 1);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(page), [], `axe on the refused form at ${width}px`);
  }
  await page.screenshot({ path: screenshotPath('editor-invalid-390.png'), fullPage: false });
  await context.close();
});
