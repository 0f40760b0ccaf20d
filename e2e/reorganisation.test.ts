import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeUser, TEST_PASSWORD } from '../src/test-support/users.ts';
import { launchChromium } from '../src/web/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

/**
 * The 組織改編 page, signed in as planning, through axe-core at a desktop and a phone width: as it
 * opens, with a refused merge on it, and with a record listed. Zero WCAG 2.x A/AA violations, no
 * sideways scrolling; screenshots of the error and the list.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const URL = '/staff/settings/reorganisations';

interface AxeGlobal {
  axe: {
    run(
      context: Document,
      options: { runOnly: { type: 'tag'; values: string[] } },
    ): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }>;
  };
}

let server: TestServer;
let browser: Browser | undefined;
let login: string;

before(async () => {
  server = await startTestServer();
  const m = await server.db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'minatodai')
    .executeTakeFirstOrThrow();
  login = (await makeUser(server.db.kysely, m.id, 'planning')).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const { axe } = globalThis as unknown as AxeGlobal;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  }, TAGS);
}

const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function submit(page: Page, button: string) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  return response;
}

for (const width of [1280, 390]) {
  test(`axe: the 組織改編 page at ${width}px, empty, with an error and with a record`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    // The app's CSP forbids inline scripts (rightly); only the test's injected axe bypasses it.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login?next=${encodeURIComponent(URL)}`);
    await page.locator('#login').fill(login);
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${URL}`);
    assert.deepEqual(await violations(page), [], 'the page as it opens');
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling as it opens');

    const before = page.getByRole('group', { name: '改編前の部局' });
    const after = page.getByRole('group', { name: '改編後の部局' });
    await page.getByLabel('統合', { exact: true }).check();
    await page.getByLabel('実施年度').selectOption('2026');
    await before.getByLabel('総務部').check();
    await after.getByLabel('健康福祉部').check();
    await page.getByLabel('備考（任意）').fill('行政改革大綱に基づく統合');
    assert.equal((await submit(page, '記録する'))?.status(), 400);
    assert.match(
      (await page.getByRole('alert').textContent()) ?? '',
      /統合では、改編前の部局を2つ以上選んで/,
    );
    assert.equal(await before.getByLabel('総務部').isChecked(), true, 'ticked box kept');
    assert.equal(await page.getByLabel('実施年度').inputValue(), '2026', 'year kept');
    assert.deepEqual(await violations(page), [], 'the page with an error');
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling with an error');
    await page.screenshot({ path: screenshotPath(`reorganisation-error-${width}.png`), fullPage: true });

    await before.getByLabel('産業観光部').check();
    assert.equal((await submit(page, '記録する'))?.status(), 200);
    assert.match((await page.getByRole('status').textContent()) ?? '', /組織改編を記録しました。/);
    const record = page.locator('.reorg-event');
    assert.match(
      (await record.textContent()) ?? '',
      /令和8年度（2026年度）\s*統合改編前総務部、産業観光部改編後健康福祉部/,
    );
    assert.deepEqual(await violations(page), [], 'the page with a record');
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling with a record');
    await page.screenshot({ path: screenshotPath(`reorganisation-list-${width}.png`), fullPage: true });

    assert.equal((await submit(page, 'この記録を削除'))?.status(), 200);
    assert.match((await page.getByRole('status').textContent()) ?? '', /記録を削除しました。/);
    assert.equal(await record.count(), 0);
    await context.close();
  });
}
