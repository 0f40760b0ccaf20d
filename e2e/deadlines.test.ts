import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSkip, screenshotPath } from './browser-harness.ts';
import { axeViolations, useStaffBrowser } from './staff-kit.ts';

/**
 * Phases on time, in Chromium as planning: the matrix shows 期限超過 for a phase nobody started
 * once its deadline passed; 期限と受付開始日 refuses a wrong date beside its field; axe at zero.
 */
const URL = '/staff/settings/deadlines?year=2025';

const staff = useStaffBrowser('planning');

test('the matrix shows 期限超過 for a phase not started past its deadline', {
  skip: chromiumSkip,
}, async () => {
  const page = await staff.page('/staff/workflow/matrix/2025');
  // The demo's 2025 goals are published; nobody started its 中間報告 (due 2025-10-31).
  const cell = page.locator('td.status--draft.is-overdue').first();
  assert.match((await cell.textContent()) ?? '', /作成中期限超過/);
  assert.match((await page.locator('main, body').first().textContent()) ?? '', /期限超過: \d+件/);
  await page.screenshot({ path: screenshotPath('deadlines-matrix-1280.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

for (const width of [1280, 390]) {
  test(`期限と受付開始日 at ${width}px: a wrong date is refused beside its field, axe at zero`, {
    skip: chromiumSkip,
  }, async () => {
    const page = await staff.page(URL, width);
    assert.deepEqual(await axeViolations(page), [], 'the form');
    await page.screenshot({ path: screenshotPath(`deadlines-${width}.png`), fullPage: true });
    await page.locator('#opens-final').fill('2026-05-01');
    await page.getByRole('button', { name: '期限と受付開始日を保存する' }).click();
    await page.waitForLoadState('load');
    assert.match((await page.locator('#opens-final-error').textContent()) ?? '', /以前の日付にしてください/);
    assert.deepEqual(await axeViolations(page), [], 'the refusal');
    await page.screenshot({ path: screenshotPath(`deadlines-refused-${width}.png`), fullPage: true });
    await page.context().close();
  });
}
