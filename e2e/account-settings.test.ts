import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoMunicipalityId } from '../src/test-support/demo-app.ts';
import { makeUser } from '../src/test-support/users.ts';
import { chromiumSkip, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

/**
 * Issue 11 item 2 without the CLI: an admin adds a department and a 課, creates an editor for it and
 * resets its password; the editor signs in with the temporary password and must change it before
 * anything else. Every page passes axe (WCAG 2.x A/AA) at 1280 and 390 px without sideways scrolling.
 */
const SHOTS = '/tmp/h2';
let server: TestServer;
let browser: Browser | undefined;
let admin: string;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer();
  admin = (await makeUser(server.db.kysely, await demoMunicipalityId(server.db.kysely), 'admin')).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function check(page: Page, name: string, width: number) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${name}`);
  assert.equal(await scrollsSideways(page), false, `no sideways scrolling: ${name}`);
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
}

async function submit(page: Page, button: string) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  return response;
}

for (const width of [1280, 390]) {
  test(`an admin sets up a department, a 課 and an editor at ${width}px; the editor must change the password`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const department = `こども未来部${width}`;
    const page = await signedInPage(browser, server, admin, '/staff/settings/organisation', width);
    await check(page, 'organisation', width);
    await page.getByLabel('名称').fill('');
    assert.equal((await submit(page, '追加する'))?.status(), 400);
    assert.match((await page.getByRole('alert').textContent()) ?? '', /名称を入力してください/);
    await check(page, 'organisation-error', width);
    await page.getByLabel('名称').fill(department);
    assert.equal((await submit(page, '追加する'))?.status(), 200);
    await page.getByLabel('名称').fill(`保育課${width}`);
    await page.getByLabel('追加する場所').selectOption({ label: `${department}の課・センターとして追加` });
    await submit(page, '追加する');
    assert.match((await page.getByRole('status').textContent()) ?? '', /追加しました/);
    assert.ok(await page.getByRole('link', { name: `保育課${width}` }).isVisible());
    await page.getByRole('link', { name: department }).click();
    await check(page, 'unit', width);

    await page.goto(`${server.url}/staff/settings/municipality`);
    await check(page, 'municipality', width);

    await page.goto(`${server.url}/staff/settings/accounts`);
    await check(page, 'accounts', width);
    const login = `kodomo${width}`;
    await page.getByLabel('ログインID').fill(login);
    await page.getByLabel('表示名').fill('こども 太郎');
    await page.getByLabel('役割').selectOption({ label: '編集担当' });
    await page.getByLabel('担当する部局').selectOption({ label: department });
    await submit(page, '作成する');
    await check(page, 'account-created', width);
    await page.getByRole('link', { name: 'アカウントのページに戻る' }).click();
    await check(page, 'account', width);
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`編集担当（${department}）`));
    await submit(page, '仮パスワードを発行する');
    const temporary = (await page.locator('#temporary-password').textContent()) ?? '';
    assert.match(temporary, /^\w{4}-\w{4}-\w{4}-\w{4}$/);
    await page.context().close();

    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'ja-JP',
      bypassCSP: true,
    });
    const editor = await context.newPage();
    await editor.goto(`${server.url}/login`);
    await editor.locator('#login').fill(login);
    await editor.locator('#password').fill(temporary);
    await editor.keyboard.press('Enter');
    await editor.waitForURL(`${server.url}/staff/settings/password`);
    await check(editor, 'password-forced', width);
    await editor.goto(`${server.url}/staff/inbox`);
    assert.equal(
      new URL(editor.url()).pathname,
      '/staff/settings/password',
      'no other staff page until changed',
    );
    await editor.getByLabel('仮パスワード').fill(temporary);
    await editor.getByLabel('新しいパスワード', { exact: true }).fill('kodomo-own-password');
    await editor.getByLabel('新しいパスワード（確認）').fill('kodomo-own-password');
    await submit(editor, 'パスワードを変更する');
    assert.equal(new URL(editor.url()).pathname, '/staff');
    await editor.goto(`${server.url}/staff/settings/password`);
    await check(editor, 'password', width);
    await context.close();
  });
}
