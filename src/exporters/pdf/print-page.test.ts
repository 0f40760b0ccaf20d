import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { pdfAvailable } from './chromium-check.ts';
import { countPdfPages } from './page-count.ts';
import {
  closePrintBrowser,
  keepPrintBrowserWarm,
  printBrowserLaunches,
  withPrintPage,
} from './print-page.ts';
import { formFontInstalled } from './system-font.ts';
import { warmUpDocument } from './warm-up.tsx';

after(() => closePrintBrowser());

const doc = (text: string) => `<!DOCTYPE html><html lang="ja"><body><p>${text}</p></body></html>`;

test('a server keeps one Chromium between PDFs: the second print launches none', {
  skip: pdfAvailable() ? false : 'Chromium is not installed (apt-get install -y chromium)',
  timeout: 180_000,
}, async () => {
  const before = printBrowserLaunches();
  // Without warm mode (a CLI export) every print launches and closes its own browser.
  await withPrintPage((print) => print(doc('一')));
  await withPrintPage((print) => print(doc('一')));
  assert.equal(printBrowserLaunches(), before + 2);
  keepPrintBrowserWarm();
  // Two at once with no browser yet share one launch; later ones reuse it.
  const both = await Promise.all([
    withPrintPage((print) => print(doc('二'))),
    withPrintPage((print) => print(doc('三'))),
  ]);
  const first = await withPrintPage((print) => print(doc('四')));
  const second = await withPrintPage((print) => print(doc('五')));
  assert.equal(printBrowserLaunches(), before + 3, 'one launch for the four warm prints');
  for (const pdf of [first, second, ...both]) assert.equal(countPdfPages(pdf), 1);
});

/** The embedded fonts' names, subset prefix dropped (Chromium writes font dictionaries uncompressed). */
function embeddedFonts(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/FontDescriptor[\s\S]*?\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map(
    (m) => m[1] ?? '',
  );
}

test('with BIZ UDPGothic installed, the PDF is set in it: one embedded font per weight, no web font subsets', {
  skip: pdfAvailable() ? false : 'Chromium is not installed (apt-get install -y chromium)',
  timeout: 180_000,
}, async (t) => {
  if (!(await formFontInstalled())) {
    t.skip('BIZ UDPGothic is not installed (apt-get install -y fonts-morisawa-bizud-gothic)');
    return;
  }
  keepPrintBrowserWarm();
  const html = await warmUpDocument();
  // Twice: the second print runs on the page the first one handed back.
  for (const round of [1, 2]) {
    const pdf = await withPrintPage((print) => print(html));
    assert.equal(countPdfPages(pdf), 1);
    assert.deepEqual(
      embeddedFonts(pdf).sort(),
      ['BIZUDPGothic-Bold', 'BIZUDPGothic-Regular'],
      `print ${round}: the form font's two weights, each embedded once`,
    );
  }
});
