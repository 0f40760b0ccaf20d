import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/web/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

/**
 * axe-core on every public page, at a desktop and a phone width: zero violations of WCAG 2.0/2.1
 * A and AA and WCAG 2.2 AA.
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
let pages: Array<{ name: string; path: string; status: number }> = [];

before(async () => {
  server = await startTestServer();
  const department = await server.db.kysely
    .selectFrom('department')
    .innerJoin('municipality', 'municipality.id', 'department.municipality_id')
    .select('department.id')
    .where('municipality.code', '=', 'minatodai')
    .where('department.parent_id', 'is', null)
    .orderBy('department.id')
    .executeTakeFirstOrThrow();
  pages = [
    { name: 'index', path: '/', status: 200 },
    { name: 'municipality', path: '/m/minatodai', status: 200 },
    { name: 'ichiranhyo', path: `/m/minatodai/d/${department.id}/2024`, status: 200 },
    { name: 'search-empty', path: '/search', status: 200 },
    { name: 'search-results', path: `/search?q=${encodeURIComponent('移住')}`, status: 200 },
    {
      name: 'search-graded',
      path: `/search?q=${encodeURIComponent('推進')}&grade=${encodeURIComponent('概ね達成')}`,
      status: 200,
    },
    { name: 'search-no-hits', path: `/search?q=${encodeURIComponent('存在しない語句')}`, status: 200 },
    { name: 'not-found', path: '/no-such-page', status: 404 },
    { name: 'open-data', path: '/open-data', status: 200 },
    { name: 'print-city', path: '/m/minatodai/print/2024', status: 200 },
    { name: 'print-department', path: `/m/minatodai/d/${department.id}/2024/print`, status: 200 },
  ];
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
  test(`axe: every public page at ${width}px has no WCAG A/AA violations`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const failures: string[] = [];
    for (const { name, path, status } of pages) {
      // The app's CSP forbids inline scripts (rightly); only the test's injected axe bypasses it.
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response?.status(), status, path);
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
    assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
  });
}
