import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { rateDemoYear } from '../src/web/dashboard/rated-year.testkit.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

/**
 * Issue 10 item 4 in the browser: the demo's rated 2026 on the city and department dashboards and the
 * 一覧表 with marks, looked at (screenshots) and checked with axe at a desktop and a phone width.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeGlobal {
  axe: {
    run(
      context: Document,
      options: { runOnly: { type: 'tag'; values: string[] } },
    ): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }>;
  };
}

let server: TestServer;
let browser: Browser | undefined;
let departmentId = 0;

before(async () => {
  server = await startTestServer();
  departmentId = await rateDemoYear(server.db.kysely);
});
after(async () => {
  await browser?.close();
  await server.close();
});

for (const width of [1280, 390]) {
  test(`rated goals on the dashboards and the 一覧表 at ${width}px: shown, axe zero`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const pages = [
      { name: 'city', path: '/m/minatodai/dashboard/2026' },
      { name: 'department', path: `/m/minatodai/d/${departmentId}/dashboard/2026` },
      { name: 'marks', path: `/m/minatodai/d/${departmentId}/2026?marks=1` },
    ];
    const failures: string[] = [];
    for (const { name, path } of pages) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response?.status(), 200, path);
      if (name === 'department') {
        const goal2 = page.locator('section.dash-goal').nth(1);
        assert.match(
          (await goal2.locator('.dash-goal__grade').textContent()) ?? '',
          /評価: 達成（部局の自己評価）/,
        );
        assert.ok(await page.locator('.dash-disagree').first().isVisible(), 'the disagreement is visible');
      }
      if (name === 'city') {
        assert.ok(await page.getByText('平均達成率 95.0%（報告済み 1 件・未報告 1 件）').isVisible());
        assert.ok((await page.locator('tr.dash-department--unpublished').count()) >= 3, '未公表 rows');
      }
      if (name === 'marks') assert.ok(await page.locator('.goal__mark').first().isVisible());
      await page.screenshot({ path: screenshotPath(`one-evaluation-${name}-${width}.png`), fullPage: true });
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async (tags) => {
        const { axe } = globalThis as unknown as AxeGlobal;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map(
          (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      }, TAGS);
      if (violations.length > 0) failures.push(`${path} at ${width}px:\n  ${violations.join('\n  ')}`);
      await page.close();
    }
    assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
  });
}
