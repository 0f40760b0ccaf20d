/**
 * A scan uploaded on the staff import page, read with OCR, in Chromium: the OCR review lists the
 * unsure cells, and the warning list beside it does not list them (nor the OCR notice) again — on
 * the single preview and on the several-files preview. Skipped without tesseract-ocr(-jpn).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ocrEngine } from '../src/importer/pdf/ocr/tesseract.ts';
import { chromiumSkip, screenshotPath } from './browser-harness.ts';
import { axeViolations, useStaffBrowser } from './staff-kit.ts';

const scan = fileURLToPath(new URL('../src/importer/pdf/ocr/fixtures/seed-page1-scan.pdf', import.meta.url));
const seedPdf = fileURLToPath(new URL('../src/importer/pdf/fixtures/seed.pdf', import.meta.url));
const skip =
  chromiumSkip ||
  ((await ocrEngine()) === undefined
    ? 'tesseract with Japanese (apt: tesseract-ocr tesseract-ocr-jpn) is not installed'
    : false);
const timeout = 900_000;

const staff = useStaffBrowser('planning');

async function upload(files: string[], heading: string): Promise<Page> {
  const page = await staff.page('/staff/import', 1280);
  // OCR takes about a minute a page, longer on a busy machine.
  page.setDefaultTimeout(600_000);
  await page.locator('#file').setInputFiles(files);
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  return page;
}

/** What the scan's section says: the OCR review's rows and the warning list's lines. */
async function sayings(page: Page) {
  const section = page.locator('.import-document').filter({ has: page.locator('.ocr-review') });
  assert.equal(await section.count(), 1, 'one document read by OCR');
  const reviewRows = await section.locator('.ocr-review__cells tbody tr').allTextContents();
  const listed = await section.locator('.import-warnings li').allTextContents();
  return { reviewRows, listed };
}

test('the single preview of a scan: unsure cells in the OCR review only', { skip, timeout }, async () => {
  const page = await upload([scan], '取り込み内容の確認');
  const { reviewRows, listed } = await sayings(page);
  assert.ok(reviewRows.length > 0, 'the fixture has unsure cells');
  assert.deepEqual(
    listed.filter((l) => /文字認識/.test(l)),
    [],
    'neither the OCR notice nor an unsure cell in the warning list',
  );
  await page.screenshot({ path: screenshotPath('ocr-preview-1280.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('the several-files preview of a scan: unsure cells in the OCR review only', {
  skip,
  timeout,
}, async () => {
  const page = await upload([scan, seedPdf], '取り込み内容の確認（複数ファイル）');
  const { reviewRows, listed } = await sayings(page);
  assert.ok(reviewRows.length > 0, 'the fixture has unsure cells');
  assert.deepEqual(
    listed.filter((l) => /文字認識/.test(l)),
    [],
  );
  const summary = (await page.locator('.import-summary').first().textContent()) ?? '';
  assert.match(summary, new RegExp(`読み取りが不確かな箇所 ${reviewRows.length} 件`));
  await page.screenshot({ path: screenshotPath('ocr-preview-batch-1280.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});
