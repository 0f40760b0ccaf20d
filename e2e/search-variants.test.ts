import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSkip, screenshotPath } from './browser-harness.ts';
import { axeViolations, useStaffBrowser } from './staff-kit.ts';

/**
 * 検索の表記ゆれ in Chromium, signed in as planning: add a pair, see the public search find it at
 * once, a refusal in Japanese; axe at zero at a desktop and a phone width.
 */
const URL = '/staff/settings/search-variants';

const staff = useStaffBrowser('planning');

for (const width of [1280, 390]) {
  test(`search variants at ${width}px: add, find at once, refuse in Japanese, remove`, {
    skip: chromiumSkip,
  }, async () => {
    const page = await staff.page(URL, width);
    assert.deepEqual(await axeViolations(page), [], 'the page as it opens');
    await page.getByLabel('表記', { exact: true }).fill('ダストボックス');
    await page.getByLabel('同じ語として検索する表記').fill('ごみ');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '追加する' }).click()]);
    assert.match((await page.getByRole('status').textContent()) ?? '', /公開検索にはすぐ反映されています/);
    assert.deepEqual(await axeViolations(page), [], 'the page with a pair');
    await page.screenshot({ path: screenshotPath(`search-variants-${width}.png`), fullPage: true });

    const search = await page.context().newPage();
    await search.goto(`${staff.server.url}/search?q=${encodeURIComponent('ダストボックス')}`);
    assert.ok((await search.locator('mark').count()) > 0, 'the public search finds ごみ by ダストボックス');
    await search.close();

    await page.getByLabel('表記', { exact: true }).fill('寄附');
    await page.getByLabel('同じ語として検索する表記').fill('寄付');
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: '追加する' }).click(),
    ]);
    assert.equal(refused?.status(), 409);
    assert.match((await page.getByRole('alert').textContent()) ?? '', /すでに同じ語として検索されます/);
    assert.deepEqual(await axeViolations(page), [], 'the page with an error');

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: /ダストボックス/ }).click(),
    ]);
    assert.match((await page.getByRole('status').textContent()) ?? '', /削除しました/);
    await page.context().close();
  });
}
