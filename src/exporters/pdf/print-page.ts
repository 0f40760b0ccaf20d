import { Hono } from 'hono';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { logger } from '../../logger.ts';
import { registerStatic } from '../../views/static.ts';
import { registerPrintAssets } from '../html/print-assets.ts';
import { launchChromium } from './browser.ts';
import { chromiumMissingError, pdfAvailable } from './chromium-check.ts';
import { FORM_FONT_FAMILY, formFontInstalled } from './system-font.ts';
import { warmUpDocument } from './warm-up.tsx';

/** A made-up origin (.invalid never resolves): the document's `/assets/…` resolve against it and we answer them. */
const ORIGIN = 'http://mokuhyo-print.invalid';
const TIMEOUT_MS = 60_000;
/** The print shell's web font stylesheet (views/static.ts): BIZ UDPGothic in unicode-range subsets. */
const WEB_FONT_CSS = '/assets/fonts/biz-udpgothic.css';
/** What a page holds between documents: nothing of the last one. */
const BLANK = '<!DOCTYPE html>';

/** Page numbers centred at the foot; the template is ours alone (no data goes into it). */
const FOOTER = `<div style="width:100%;text-align:center;font-size:8pt;color:#000;font-family:'BIZ UDPGothic','Noto Sans CJK JP',sans-serif;">- <span class="pageNumber"></span> / <span class="totalPages"></span> -</div>`;

export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/** The same assets the web app serves, answered in-process: no server, no network. */
let assets: Hono | undefined;
function assetApp(): Hono {
  if (!assets) {
    assets = new Hono();
    registerStatic(assets);
    registerPrintAssets(assets);
  }
  return assets;
}

async function answer(route: Route, systemFont: boolean): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
  if (url.pathname === '/') {
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BLANK });
  }
  if (!url.pathname.startsWith('/assets/')) return route.abort('blockedbyclient');
  if (systemFont && url.pathname === WEB_FONT_CSS) {
    // The same family is installed: Chromium sets the text in it (read once per browser, embedded
    // as one font per weight) instead of decoding the web font's subsets for every document.
    return route.fulfill({
      status: 200,
      contentType: 'text/css; charset=utf-8',
      body: `/* ${FORM_FONT_FAMILY}: the installed font */`,
    });
  }
  const response = await assetApp().request(url.pathname);
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

/** A page ready to print: print media, assets answered in-process, scripts off (set on its context). */
async function preparePage(context: BrowserContext): Promise<Page> {
  const systemFont = await formFontInstalled();
  const page = await context.newPage();
  // A renderer that died leaves a page that can print no more: closed, it is not taken again.
  page.on('crash', () => void page.close().catch(() => undefined));
  try {
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.emulateMedia({ media: 'print' });
    await page.route('**/*', (route) => answer(route, systemFont));
    await page.goto(`${ORIGIN}/`);
    return page;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

/** Milliseconds spent in each step of a withPrintPage call (logged at debug level: where a render's time goes). */
interface PrintTimes {
  /** Waiting for the browser (its launch, when none was running). */
  browserMs: number;
  /** Opening and readying a page, when no spare one was ready. */
  pageMs: number;
  prints: number;
  /** Loading each document (setContent with its stylesheets). */
  contentMs: number;
  /** Layout and waiting for web font subsets. */
  fontsMs: number;
  /** Chromium's printing: pagination, page-number footers, the tagged PDF. */
  pdfMs: number;
}

const noTimes = (): PrintTimes => ({
  browserMs: 0,
  pageMs: 0,
  prints: 0,
  contentMs: 0,
  fontsMs: 0,
  pdfMs: 0,
});
const since = (start: number) => Math.round(performance.now() - start);

async function printWith(page: Page, html: string, times: PrintTimes): Promise<Uint8Array> {
  let start = performance.now();
  await page.setContent(html, { waitUntil: 'load' });
  times.contentMs += since(start);
  start = performance.now();
  // A web font (when the form font is not installed) comes in unicode-range subsets, requested once
  // layout finds their characters: lay out (in print media, set above) and wait until every subset
  // in use has arrived. With the installed font this returns at once.
  await page.evaluate(async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  });
  times.fontsMs += since(start);
  start = performance.now();
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
  times.pdfMs += since(start);
  times.prints += 1;
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** One Chromium with the context its print pages live in. */
interface Session {
  browser: Browser;
  context: BrowserContext;
  /** Pages ready to print, each used by one render at a time. */
  spare: Page[];
}

async function openSession(): Promise<Session> {
  const browser = await launchChromium();
  try {
    // Documents are our own markup with data escaped; scripts stay off anyway (evaluate still works over CDP).
    const context = await browser.newContext({ javaScriptEnabled: false });
    return { browser, context, spare: [] };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** Pages kept ready while renders come (the web's render queue runs two at once by default). */
const MAX_SPARE = 2;
/** Unused this long, the spare pages but one are closed: a page is ~150 MB of the server's memory. */
const IDLE_MS = 60_000;

/**
 * The running server keeps one Chromium and a blank page ready from its start: launching the browser
 * and opening a page are most of a cold render's time, and a PDF must come in under a second whenever
 * it is asked for. Costs ~330 MB (PSS) while the server runs. A CLI export launches and closes its own.
 */
const warm: {
  enabled: boolean;
  session?: Promise<Session>;
  users: number;
  idle?: NodeJS.Timeout;
  launches: number;
} = { enabled: false, users: 0, launches: 0 };

/** Serve mode: keep the browser between PDFs and start it now, in the background. */
export function keepPrintBrowserWarm(): void {
  if (warm.enabled) return;
  warm.enabled = true;
  if (!pdfAvailable()) return;
  setImmediate(() => {
    preparePrintBrowser().catch((error: unknown) =>
      logger.warn({ err: error }, 'Chromium for PDFs could not be started ahead: the first PDF tries again'),
    );
  });
}

/** Launches the warm browser and readies a page, unless there already are. */
async function preparePrintBrowser(): Promise<void> {
  const session = await acquireSession();
  try {
    if (session.spare.length === 0) {
      const page = await preparePage(session.context);
      const times = noTimes();
      try {
        await printWith(page, await warmUpDocument(), times);
        await page.setContent(BLANK);
      } catch (error) {
        await page.close().catch(() => undefined);
        throw error;
      }
      session.spare.push(page);
    }
    logger.info('Chromium for PDFs is ready');
  } finally {
    releaseSession(session);
  }
}

/** How many browsers were launched for printing in this process (diagnostics and tests). */
export const printBrowserLaunches = (): number => warm.launches;

/** Closes the warm browser now (tests; a stopping server's process exit closes it anyway). */
export async function closePrintBrowser(): Promise<void> {
  clearTimeout(warm.idle);
  const running = await warm.session?.catch(() => undefined);
  warm.session = undefined;
  await running?.browser.close().catch(() => undefined);
}

async function acquireSession(): Promise<Session> {
  clearTimeout(warm.idle);
  // Taken synchronously: requests arriving together share one launch.
  if (!warm.session) {
    warm.launches += 1;
    const launching = openSession();
    warm.session = launching;
    launching.then(
      (session) =>
        session.browser.on('disconnected', () => {
          if (warm.session === launching) warm.session = undefined;
        }),
      () => {
        if (warm.session === launching) warm.session = undefined;
      },
    );
  }
  const launching = warm.session;
  warm.users += 1;
  try {
    const session = await launching;
    if (session.browser.isConnected()) return session;
    if (warm.session === launching) warm.session = undefined;
  } catch (error) {
    warm.users -= 1;
    throw error;
  }
  warm.users -= 1;
  return acquireSession();
}

function releaseSession(session: Session): void {
  warm.users -= 1;
  if (warm.users > 0) return;
  clearTimeout(warm.idle);
  warm.idle = setTimeout(() => {
    if (warm.users > 0) return;
    for (const page of session.spare.splice(1)) void page.close().catch(() => undefined);
  }, IDLE_MS);
  warm.idle.unref();
}

function takeSpare(session: Session): Page | undefined {
  for (let page = session.spare.pop(); page; page = session.spare.pop()) {
    if (!page.isClosed()) return page;
  }
  return undefined;
}

/** A used page back to the spares once blanked (not waited for: the PDF is already done). */
function returnPage(session: Session, page: Page): void {
  if (page.isClosed() || session.spare.length >= MAX_SPARE) {
    void page.close().catch(() => undefined);
    return;
  }
  page.setContent(BLANK).then(
    () => {
      if (session.spare.length < MAX_SPARE && session.browser.isConnected()) session.spare.push(page);
      else void page.close().catch(() => undefined);
    },
    () => page.close().catch(() => undefined),
  );
}

/** Runs `work` with one Chromium page that prints HTML documents to PDF. */
export async function withPrintPage<T>(work: (print: PrintToPdf) => Promise<T>): Promise<T> {
  if (!pdfAvailable()) throw chromiumMissingError();
  const times = noTimes();
  const print = (page: Page) => (html: string) => printWith(page, html, times);
  let start = performance.now();
  if (!warm.enabled) {
    warm.launches += 1;
    const session = await openSession();
    times.browserMs = since(start);
    try {
      start = performance.now();
      const page = await preparePage(session.context);
      times.pageMs = since(start);
      const result = await work(print(page));
      logger.debug({ ...times, warm: false }, 'PDF printed');
      return result;
    } finally {
      await session.browser.close().catch(() => undefined);
    }
  }
  const session = await acquireSession();
  times.browserMs = since(start);
  let page: Page;
  try {
    start = performance.now();
    page = takeSpare(session) ?? (await preparePage(session.context));
    times.pageMs = since(start);
  } catch (error) {
    releaseSession(session);
    throw error;
  }
  let reusable = false;
  try {
    const result = await work(print(page));
    reusable = true;
    logger.debug({ ...times, warm: true }, 'PDF printed');
    return result;
  } finally {
    // A page whose render failed (a timeout, a crash) is not trusted with the next document.
    if (reusable) returnPage(session, page);
    else await page.close().catch(() => undefined);
    releaseSession(session);
  }
}
