import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkip, screenshotPath } from './browser-harness.ts';
import { axeViolations, useStaffBrowser } from './staff-kit.ts';

/**
 * The 組織改編 page, signed in as planning, through axe-core at a desktop and a phone width: as it
 * opens, with a refused merge on it, and with a record listed. Zero WCAG 2.x A/AA violations, no
 * sideways scrolling; screenshots of the error and the list.
 */
const URL = '/staff/settings/reorganisations';

const staff = useStaffBrowser('planning');

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
    const page = await staff.page(URL, width);
    const context = page.context();
    assert.deepEqual(await axeViolations(page), [], 'the page as it opens');
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
    assert.deepEqual(await axeViolations(page), [], 'the page with an error');
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
    assert.deepEqual(await axeViolations(page), [], 'the page with a record');
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling with a record');
    await page.screenshot({ path: screenshotPath(`reorganisation-list-${width}.png`), fullPage: true });

    assert.equal((await submit(page, 'この記録を削除'))?.status(), 200);
    assert.match((await page.getByRole('status').textContent()) ?? '', /記録を削除しました。/);
    assert.equal(await record.count(), 0);
    await context.close();
  });
}
