import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { pageWalker, publicPages, staffPages, type WalkedPage } from './a11y-pages.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

/**
 * axe-core on every public page and the staff pages of e2e/a11y-pages.ts, at a desktop and a phone
 * width: zero violations of WCAG 2.0/2.1 A and AA and WCAG 2.2 AA. e2e/a11y-second-engine.test.ts
 * walks the same pages with HTML_CodeSniffer.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 390];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}
interface AxeGlobal {
  axe: {
    run(
      context: Document,
      options: { runOnly: { type: 'tag'; values: string[] } },
    ): Promise<{
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    }>;
  };
}

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

function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `  ${v.id} (${v.impact ?? '?'}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

for (const width of WIDTHS) {
  test(`axe: every public and staff page at ${width}px has no WCAG A/AA violations`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const failures: string[] = [];
    const walker = await pageWalker(browser, server.url, width);
    for (const walked of pages) {
      const { name, path } = walked;
      const { page, status } = await walker.open(walked);
      assert.equal(status, walked.status, path);
      await page.addScriptTag({ path: AXE_PATH });
      const violations: Violation[] = await page.evaluate(async (tags) => {
        const { axe } = globalThis as unknown as AxeGlobal;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
        }));
      }, TAGS);
      if (violations.length > 0) failures.push(`${path} at ${width}px:\n${describe(violations)}`);
      if (name === 'search-results' || name === 'search-graded')
        await page.screenshot({ path: screenshotPath(`axe-${name}-${width}.png`), fullPage: width < 1000 });
      await page.close();
    }
    await walker.close();
    assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
  });
}
