import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../src/test-support/users.ts';
import type { TestServer } from './browser-harness.ts';

/** Helpers of the staff pages' browser tests: signing in through the form, and axe-core. */

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

/** WCAG 2.x A/AA violations on the page, one line each (rule, help, where). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const { axe } = globalThis as unknown as AxeGlobal;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  }, TAGS);
}

/**
 * A fresh browser context signed in as `login` through the login form, on `path`. The app's CSP
 * forbids inline scripts (rightly); only the tests' injected axe bypasses it.
 */
export async function signedInPage(
  browser: Browser,
  server: TestServer,
  login: string,
  path: string,
  width = 1280,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'ja-JP',
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}${path}`);
  return page;
}
