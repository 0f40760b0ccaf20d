import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { makeDocument } from '../src/test-support/factories.ts';
import { makeUser } from '../src/test-support/users.ts';
import { openWalkedPage, pageWalker, publicPages, staffPages, type WalkedPage } from './a11y-pages.ts';
import { chromiumSkip, startTestServer, type TestServer } from './browser-harness.ts';
import { htmlcsErrors } from './htmlcs-kit.ts';
import { axeViolations } from './staff-kit.ts';

/**
 * Issue 11, item 6: a second engine (HTML_CodeSniffer, WCAG2AA errors) on every page the axe walks
 * cover, public and staff, at a desktop and a phone width. Its H43 checks read the 一覧表's `headers`.
 */
let server: TestServer;
let browser: Browser | undefined;
let pages: WalkedPage[] = [];

before(async () => {
  server = await startTestServer();
  pages = [...(await publicPages(server.db.kysely)), ...(await staffPages(server.db.kysely))];
});
after(async () => {
  await browser?.close();
  await server.close();
});

for (const width of [1280, 390]) {
  test(`HTML_CodeSniffer: every walked page at ${width}px has no WCAG2AA errors`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const failures: string[] = [];
    const walker = await pageWalker(browser, server.url, width);
    for (const walked of pages) {
      const { page, status } = await walker.open(walked);
      assert.equal(status, walked.status, walked.path);
      const errors = await htmlcsErrors(page);
      if (errors.length > 0)
        failures.push(`${walked.name} ${walked.path} at ${width}px:\n  ${errors.join('\n  ')}`);
      await page.close();
    }
    await walker.close();
    assert.equal(failures.length, 0, `HTML_CodeSniffer errors:\n${failures.join('\n')}`);
  });
}

test('the import preview shows two 一覧表 on one page: unique header ids, no errors from either engine', {
  skip: chromiumSkip,
}, async () => {
  const planning = await makeUser(server.db.kysely, await demoMunicipalityId(server.db.kysely), 'planning');
  const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-a11y-'));
  const file = join(dir, 'two-tables.json');
  const documents = [makeDocument({ department: '一覧部' }), makeDocument({ department: '二覧部' })];
  await writeFile(file, JSON.stringify(documents));
  browser ??= await launchChromium();
  for (const width of [1280, 390]) {
    const walked = { name: 'import', path: '/staff/import', status: 200, as: planning };
    const { page } = await openWalkedPage(browser, server.url, walked, width);
    // The upload is parsed in a fresh worker (tsx compiles the importer there): slow on a busy machine.
    page.setDefaultTimeout(120_000);
    await page.locator('#file').setInputFiles(file);
    await page.getByRole('button', { name: '内容を確認する' }).click();
    await page.waitForURL(/\/staff\/import\/[\w-]+$/);
    assert.equal(await page.locator('table.ichiran').count(), 2);
    const ids = await page.locator('[id]').evaluateAll((all) => all.map((e) => e.id));
    assert.equal(
      new Set(ids).size,
      ids.length,
      `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`,
    );
    assert.deepEqual(await htmlcsErrors(page), [], `HTML_CodeSniffer at ${width}px`);
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}px`);
    await page.context().close();
  }
});
