import { Hono } from 'hono';
import type { Browser, Page, Route } from 'playwright-core';
import { registerStatic } from '../../views/static.ts';
import { registerPrintAssets } from '../html/print-assets.ts';
import { launchChromium } from './browser.ts';
import { chromiumMissingError, pdfAvailable } from './chromium-check.ts';

/** A made-up origin (.invalid never resolves): the document's `/assets/…` resolve against it and we answer them. */
const ORIGIN = 'http://mokuhyo-print.invalid';
const TIMEOUT_MS = 60_000;

/** Page numbers centred at the foot; the template is ours alone (no data goes into it). */
const FOOTER = `<div style="width:100%;text-align:center;font-size:8pt;color:#000;font-family:'BIZ UDPGothic','Noto Sans CJK JP',sans-serif;">- <span class="pageNumber"></span> / <span class="totalPages"></span> -</div>`;

export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/** The same assets the web app serves, answered in-process: no server, no network. */
function assetApp(): Hono {
  const app = new Hono();
  registerStatic(app);
  registerPrintAssets(app);
  return app;
}

async function answer(route: Route, assets: Hono): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
  if (url.pathname === '/') {
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html>' });
  }
  if (!url.pathname.startsWith('/assets/')) return route.abort('blockedbyclient');
  const response = await assets.request(url.pathname);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return route.fulfill({
    status: response.status,
    headers,
    body: Buffer.from(await response.arrayBuffer()),
  });
}

async function printWith(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  // The web font comes in unicode-range subsets, requested once layout finds their characters:
  // lay out (in print media, set below) and wait until every subset in use has arrived.
  await page.evaluate(async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  });
  const pdf = await page.pdf({
    format: 'A4',
    landscape: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: FOOTER,
    margin: { top: '10mm', right: '10mm', bottom: '12mm', left: '10mm' },
    outline: true,
    tagged: true,
  });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** A warm browser unused this long is closed: its memory is the server's between PDFs. */
const IDLE_MS = 60_000;

/**
 * The running server keeps one Chromium between PDFs (started on first use, closed after a minute
 * unused): launching it is most of a first render's time. A CLI export launches and closes its own.
 */
const warm: {
  enabled: boolean;
  browser?: Promise<Browser>;
  users: number;
  idle?: NodeJS.Timeout;
  launches: number;
} = { enabled: false, users: 0, launches: 0 };

export function keepPrintBrowserWarm(): void {
  warm.enabled = true;
}

/** How many browsers were launched for printing in this process (diagnostics and tests). */
export const printBrowserLaunches = (): number => warm.launches;

/** Closes the warm browser now (tests; a stopping server's process exit closes it anyway). */
export async function closePrintBrowser(): Promise<void> {
  clearTimeout(warm.idle);
  const running = await warm.browser?.catch(() => undefined);
  warm.browser = undefined;
  await running?.close().catch(() => undefined);
}

async function acquireBrowser(): Promise<Browser> {
  if (!warm.enabled) {
    warm.launches += 1;
    return launchChromium();
  }
  clearTimeout(warm.idle);
  // Taken synchronously: requests arriving together share one launch.
  if (!warm.browser) {
    warm.launches += 1;
    const launching = launchChromium();
    warm.browser = launching;
    launching.then(
      (browser) =>
        browser.on('disconnected', () => {
          if (warm.browser === launching) warm.browser = undefined;
        }),
      () => {
        if (warm.browser === launching) warm.browser = undefined;
      },
    );
  }
  const launching = warm.browser;
  warm.users += 1;
  try {
    const browser = await launching;
    if (browser.isConnected()) return browser;
    if (warm.browser === launching) warm.browser = undefined;
  } catch (error) {
    warm.users -= 1;
    throw error;
  }
  warm.users -= 1;
  return acquireBrowser();
}

async function releaseBrowser(browser: Browser): Promise<void> {
  if (!warm.enabled) return browser.close();
  warm.users -= 1;
  if (warm.users > 0) return;
  warm.idle = setTimeout(() => {
    if (warm.users === 0 && warm.browser) {
      warm.browser = undefined;
      void browser.close().catch(() => undefined);
    }
  }, IDLE_MS);
  warm.idle.unref();
}

/** Runs `work` with one Chromium page that prints HTML documents to PDF; its context is always closed. */
export async function withPrintPage<T>(work: (print: PrintToPdf) => Promise<T>): Promise<T> {
  if (!pdfAvailable()) throw chromiumMissingError();
  const browser = await acquireBrowser();
  // Documents are our own markup with data escaped; scripts stay off anyway (evaluate still works over CDP).
  const context = await browser.newContext({ javaScriptEnabled: false }).catch(async (error: unknown) => {
    await releaseBrowser(browser);
    throw error;
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.emulateMedia({ media: 'print' });
    const assets = assetApp();
    await page.route('**/*', (route) => answer(route, assets));
    await page.goto(`${ORIGIN}/`);
    return await work((html) => printWith(page, html));
  } finally {
    await context.close().catch(() => undefined);
    await releaseBrowser(browser);
  }
}
