import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/web/browser.ts';
import { openWalkedPage, publicPages, staffPages, type WalkedPage } from './a11y-pages.ts';
import { chromiumSkip, startTestServer, type TestServer } from './browser-harness.ts';
import { htmlcsErrors } from './htmlcs-kit.ts';

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
    for (const walked of pages) {
      const { page, status } = await openWalkedPage(browser, server.url, walked, width);
      assert.equal(status, walked.status, walked.path);
      const errors = await htmlcsErrors(page);
      if (errors.length > 0)
        failures.push(`${walked.name} ${walked.path} at ${width}px:\n  ${errors.join('\n  ')}`);
      await page.context().close();
    }
    assert.equal(failures.length, 0, `HTML_CodeSniffer errors:\n${failures.join('\n')}`);
  });
}
