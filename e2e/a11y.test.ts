import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { makeDocument } from '../src/test-support/factories.ts';
import { makeUser } from '../src/test-support/users.ts';
import { openWalkedPage, pageWalker, publicPages, staffPages, type WalkedPage } from './a11y-pages.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { htmlcsErrors } from './htmlcs-kit.ts';
import { axeViolations } from './staff-kit.ts';

/**
 * Two accessibility engines on every public page and the staff pages of e2e/a11y-pages.ts, at a
 * desktop and a phone width, each page loaded once for both:
 * - axe-core: zero violations of WCAG 2.0/2.1 A and AA and WCAG 2.2 AA;
 * - HTML_CodeSniffer (issue 11, item 6): zero WCAG2AA errors; its H43 checks read the 一覧表's `headers`.
 * axe runs first, on the page as it loaded; HTML_CodeSniffer only reads the page.
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

/** axe's violations with each node's target and failure summary: enough to mend a page from CI's log. */
async function axeDetails(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const { axe } = globalThis as unknown as AxeGlobal;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, TAGS);
}

function describeViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `  ${v.id} (${v.impact ?? '?'}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

for (const width of WIDTHS) {
  test(`every public and staff page at ${width}px, by two engines`, { skip: chromiumSkip }, async (t) => {
    browser ??= await launchChromium();
    const axeFailures: string[] = [];
    const htmlcsFailures: string[] = [];
    const walker = await pageWalker(browser, server.url, width);
    for (const walked of pages) {
      const { name, path } = walked;
      const { page, status } = await walker.open(walked);
      assert.equal(status, walked.status, path);
      const violations = await axeDetails(page);
      if (violations.length > 0)
        axeFailures.push(`${path} at ${width}px:\n${describeViolations(violations)}`);
      const errors = await htmlcsErrors(page);
      if (errors.length > 0) htmlcsFailures.push(`${name} ${path} at ${width}px:\n  ${errors.join('\n  ')}`);
      if (name === 'search-results' || name === 'search-graded')
        await page.screenshot({ path: screenshotPath(`axe-${name}-${width}.png`), fullPage: width < 1000 });
    }
    await walker.close();
    await t.test('axe: no WCAG A/AA violations', () => {
      assert.equal(axeFailures.length, 0, `axe violations:\n${axeFailures.join('\n')}`);
    });
    await t.test('HTML_CodeSniffer: no WCAG2AA errors', () => {
      assert.equal(htmlcsFailures.length, 0, `HTML_CodeSniffer errors:\n${htmlcsFailures.join('\n')}`);
    });
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
  for (const width of WIDTHS) {
    const walked = { name: 'import', path: '/staff/import', status: 200, as: planning };
    const { page } = await openWalkedPage(browser, server.url, walked, width);
    // The upload is parsed in a fresh worker: slow on a busy machine.
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
