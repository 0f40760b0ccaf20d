import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

let server: TestServer;
let browser: Browser | undefined;

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('search by keyboard, see the marks, follow a hit to its 一覧表 row', {
  skip: chromiumSkip,
}, async () => {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);

  // The header's search box: skip link, home link, then the search field.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search-q');
  await page.keyboard.type('寄附');
  await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
  assert.match(
    (await page.locator('h2#search-results-heading').textContent()) ?? '',
    /「寄附」の検索結果 \d+件/,
  );

  // The page's own form, again by keyboard only.
  await page.locator('#search-q').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('移住　相談');
  await Promise.all([page.waitForURL(/q=%E7%A7%BB/), page.keyboard.press('Enter')]);
  const heading = (await page.locator('h2#search-results-heading').textContent()) ?? '';
  const count = Number(/(\d+)件/.exec(heading)?.[1]);
  assert.ok(count > 0, heading);
  const marks = await page.locator('.search-hits mark').allInnerTexts();
  assert.ok(marks.includes('移住') && marks.includes('相談'), marks.join());
  const markStyle = await page
    .locator('.search-hits mark')
    .first()
    .evaluate((el) => getComputedStyle(el).fontWeight);
  assert.equal(markStyle, '700', 'marks are bold, not only coloured');
  await page.screenshot({ path: screenshotPath('search.png'), fullPage: true });

  const link = page.locator('.search-hit__goal a').first();
  const href = (await link.getAttribute('href')) ?? '';
  assert.match(href, /^\/m\/minatodai\/d\/\d+\/\d{4}#th-row-\d+-(plan|review)$/);
  await link.focus();
  await Promise.all([page.waitForURL(/\/m\/minatodai\/d\//), page.keyboard.press('Enter')]);
  const target = page.locator(`[id="${href.split('#')[1]}"]`);
  assert.equal(await target.count(), 1);
  assert.match((await target.textContent()) ?? '', /移住/);
  assert.ok(await target.isVisible());
  await page.close();
});

test('the grade filter by keyboard: choose 未達成, submit, every hit says so', {
  skip: chromiumSkip,
}, async () => {
  browser ??= await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/search?q=${encodeURIComponent('の')}`);
  const total = async () =>
    Number(/(\d+)件/.exec((await page.locator('h2#search-results-heading').textContent()) ?? '')?.[1]);
  const all = await total();
  await page.locator('#search-grade').focus();
  await page.keyboard.press('End'); // the lowest grade, last in the list
  assert.equal(await page.locator('#search-grade').inputValue(), '未達成');
  await page.locator('#search-q').focus();
  await Promise.all([page.waitForURL(/grade=/), page.keyboard.press('Enter')]);
  const narrowed = await total();
  assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
  const badges = await page.locator('.search-hit__grade').allInnerTexts();
  assert.equal(badges.length, await page.locator('.search-hit').count());
  assert.ok(
    badges.every((b) => b === '評価：未達成'),
    badges.join(),
  );
  assert.equal(await page.locator('#search-grade').inputValue(), '未達成', 'the choice stays selected');
  await page.screenshot({ path: screenshotPath('search-grade.png'), fullPage: false });
  await page.close();
});

test('no hits: a helpful message; narrow screens keep the form usable', { skip: chromiumSkip }, async () => {
  browser ??= await launchChromium();
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/search?q=${encodeURIComponent('存在しない語句')}`);
  assert.match((await page.locator('.search-empty').textContent()) ?? '', /見つかりませんでした/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.goto(`${server.url}/search?q=${encodeURIComponent('移住')}`);
  await page.screenshot({ path: screenshotPath('search-390.png'), fullPage: false });
  await page.close();
});
