import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { makeUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

const seedPdf = fileURLToPath(new URL('../src/importer/pdf/fixtures/seed.pdf', import.meta.url));

let server: TestServer;
let browser: Browser | undefined;
let login: string;

before(async () => {
  server = await startTestServer();
  const m = await server.db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  login = (await makeUser(server.db.kysely, m.id, 'planning')).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('a PDF upload: each page image beside the table on a wide screen, above it on a narrow one; axe clean', {
  skip: chromiumSkip,
  timeout: 300_000,
}, async () => {
  browser = await launchChromium();
  for (const width of [1600, 390]) {
    const page = await signedInPage(browser, server, login, '/staff/import', width);
    // Reading the PDF and drawing its pages take a worker each; on a busy test machine, many seconds.
    page.setDefaultTimeout(180_000);
    await page.locator('#file').setInputFiles(seedPdf);
    await page.getByRole('button', { name: '内容を確認する' }).click();
    await page.getByRole('heading', { name: '取り込み内容の確認', exact: true }).waitFor();
    const second = page.getByRole('img', { name: '取り込んだPDFの2ページ目' });
    await second.scrollIntoViewIfNeeded();
    // The image really arrived (a broken image has no natural width).
    await page.waitForFunction(
      () =>
        (document.querySelector('img[alt="取り込んだPDFの2ページ目"]') as HTMLImageElement | null)
          ?.naturalWidth,
    );
    assert.equal(await page.getByRole('img', { name: /^取り込んだPDFの\dページ目$/ }).count(), 5);
    const image = await page.locator('.source-pages').boundingBox();
    const table = await page.locator('.parsed-tables').boundingBox();
    assert.ok(image && table);
    if (width === 1600) assert.ok(image.x + image.width <= table.x, 'pages left of the table');
    else assert.ok(image.y + image.height <= table.y, 'pages above the table');
    await page.screenshot({ path: screenshotPath(`pdf-page-preview-${width}.png`) });
    await page.screenshot({ path: screenshotPath(`pdf-page-preview-${width}-full.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}`);
    await page.context().close();
  }
});
