import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSkip, screenshotPath } from './browser-harness.ts';
import { axeViolations, useStaffBrowser } from './staff-kit.ts';

/**
 * The grade-scale settings page, signed in as planning, through axe-core at a desktop and a phone
 * width: as it opens and with a refused custom scale on it. Zero WCAG 2.x A/AA violations.
 */
const URL = '/staff/settings/grade-scale';

const staff = useStaffBrowser('planning');

for (const width of [1280, 390]) {
  test(`axe: the grade-scale page at ${width}px, with and without errors`, {
    skip: chromiumSkip,
  }, async () => {
    const page = await staff.page(URL, width);
    const context = page.context();
    assert.deepEqual(await axeViolations(page), [], 'the page as it opens');

    await page.getByLabel('独自の評価区分', { exact: true }).check();
    await page.getByLabel('名称', { exact: true }).fill('二段階');
    await page.getByLabel('段階1の評価').fill('A');
    await page.getByLabel('段階1の達成率の下限（%）').fill('50');
    await page.getByLabel('段階2の評価').fill('B');
    await page.getByLabel('段階2の達成率の下限（%）').fill('10');
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: '保存' }).click(),
    ]);
    assert.equal(response?.status(), 400);
    assert.match((await page.getByRole('alert').textContent()) ?? '', /最後の段階（段階2）の下限は0%/);
    assert.equal(await page.getByLabel('段階2の達成率の下限（%）').inputValue(), '10', 'typed value kept');
    assert.deepEqual(await axeViolations(page), [], 'the page with an error');

    // A scale from 令和5年度: the published years keep theirs and the re-grade section appears.
    await page.getByLabel('A・B・C（3段階）', { exact: true }).check();
    await page.getByLabel('適用を始める年度').selectOption('2023');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存' }).click()]);
    await page.getByRole('heading', { name: '公表済みの年度の評価を付け直す' }).waitFor();
    await page.screenshot({ path: screenshotPath(`grade-scale-${width}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], 'the page with years to re-grade');
    await context.close();
  });
}
