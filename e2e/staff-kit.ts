import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../src/domain/auth/actor.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoMunicipalityId } from '../src/test-support/demo-app.ts';
import { makeUser, TEST_PASSWORD } from '../src/test-support/users.ts';
import { startTestServer, type TestServer } from './browser-harness.ts';

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
 * A tab in a fresh browser context at `width`, nobody signed in yet (signInOn signs in). The app's
 * CSP forbids inline scripts (rightly); only the tests' injected axe bypasses it.
 */
export async function staffTab(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'ja-JP',
    bypassCSP: true,
  });
  return context.newPage();
}

/** A fresh browser context signed in as `login` through the login form, on `path`. */
export async function signedInPage(
  browser: Browser,
  server: TestServer,
  login: string,
  path: string,
  width = 1280,
): Promise<Page> {
  const page = await staffTab(browser, width);
  await signInOn(page, server, login, path);
  return page;
}

/**
 * Signs in as `login` through the login form in this tab, signed out first (its context's cookies
 * cleared), and lands on `path`. Several accounts can take turns in one tab this way, without a
 * new browser context (and renderer) for each.
 */
export async function signInOn(page: Page, server: TestServer, login: string, path: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}${path}`);
}

/** What useStaffBrowser sets up for a test file; read its fields inside tests, not at the top level. */
export interface StaffBrowser {
  /** The real server on a fresh database of the configured engine, demo city loaded. */
  readonly server: TestServer;
  /** The account the file signs in with (a city-wide account of the role asked for). */
  readonly login: string;
  /** Chromium, launched on first use and closed after the file. */
  browser(): Promise<Browser>;
  /** A fresh context signed in as `login` on `path` at `width` (see signedInPage). */
  page(path: string, width?: number): Promise<Page>;
}

/**
 * Registers the file's before/after hooks for a staff page's browser test: the test server with the
 * demo city, one account of `role` in it, and Chromium when a test first asks for it; everything is
 * closed after the file.
 */
export function useStaffBrowser(role: Role = 'planning'): StaffBrowser {
  let server: TestServer | undefined;
  let login: string | undefined;
  let browser: Promise<Browser> | undefined;
  const kit: StaffBrowser = {
    get server() {
      if (!server) throw new Error('useStaffBrowser: the server starts in the before hook');
      return server;
    },
    get login() {
      if (login === undefined) throw new Error('useStaffBrowser: the account is made in the before hook');
      return login;
    },
    browser: () => {
      browser ??= launchChromium();
      return browser;
    },
    page: async (path, width) => signedInPage(await kit.browser(), kit.server, kit.login, path, width),
  };
  // One hook: node:test does not promise that a file's before hooks run in the order they were added.
  before(async () => {
    server = await startTestServer();
    login = (await makeUser(server.db.kysely, await demoMunicipalityId(server.db.kysely), role)).login;
  });
  after(async () => {
    await (await browser?.catch(() => undefined))?.close();
    await server?.close();
  });
  return kit;
}
