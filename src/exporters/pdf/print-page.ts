import { Hono } from 'hono';
import type { Page, Route } from 'playwright-core';
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

/** Runs `work` with one Chromium page that prints HTML documents to PDF; the browser is always closed. */
export async function withPrintPage<T>(work: (print: PrintToPdf) => Promise<T>): Promise<T> {
  if (!pdfAvailable()) throw chromiumMissingError();
  const browser = await launchChromium();
  try {
    // Documents are our own markup with data escaped; scripts stay off anyway (evaluate still works over CDP).
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.emulateMedia({ media: 'print' });
    const assets = assetApp();
    await page.route('**/*', (route) => answer(route, assets));
    await page.goto(`${ORIGIN}/`);
    return await work((html) => printWith(page, html));
  } finally {
    await browser.close();
  }
}
