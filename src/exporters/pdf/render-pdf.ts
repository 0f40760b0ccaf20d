import { logger } from '../../logger.ts';
import { renderTablesHtml } from '../html/render-tables-html.tsx';
import type { TableExport } from '../types.ts';
import { countPdfPages } from './page-count.ts';
import { type PrintToPdf, withPrintPage } from './print-page.ts';

/**
 * The tables as an A4-landscape PDF, printed by Chromium from the same HTML as the print view.
 * Several tables (or `book`: the whole-city view) make a book whose 目次 names each department's first page.
 * Each call takes a Chromium page of its own (a server's warm browser keeps ready ones; a CLI export launches
 * a browser): callers bound how many run at once (the web's render queue; the CLI renders one after the other).
 */
export function renderPdf(tables: TableExport[], options: { book?: boolean } = {}): Promise<Uint8Array> {
  return withPrintPage(async (print) => {
    if (tables.length === 1 && !options.book) return print(await renderTablesHtml(tables));
    const plan = await planPages(tables, print);
    const pdf = await print(await renderTablesHtml(tables, { book: true, startPages: plan.startPages }));
    const pages = countPdfPages(pdf);
    if (pages !== plan.totalPages) {
      logger.warn({ pages, expected: plan.totalPages }, 'PDF page count differs from the 目次 plan');
    }
    return pdf;
  });
}

/**
 * Chromium cannot say on which page an element lands, so each part is printed alone and its pages
 * counted: every department starts on a new page at the same page width, so it takes as many pages
 * alone as in the book. The 目次 is counted with placeholder numbers of the final width.
 */
async function planPages(
  tables: TableExport[],
  print: PrintToPdf,
): Promise<{ startPages: number[]; totalPages: number }> {
  const sectionPages: number[] = [];
  for (const index of tables.keys()) {
    sectionPages.push(
      countPdfPages(await print(await renderTablesHtml(tables, { book: true, only: index }))),
    );
  }
  const body = sectionPages.reduce((a, b) => a + b, 0);
  // The cover plus a 目次 page per entry at most, so no real start page is wider than this.
  const placeholder = tables.map(() => body + tables.length + 1);
  const front = countPdfPages(
    await print(
      await renderTablesHtml(tables, { book: true, only: 'front-matter', startPages: placeholder }),
    ),
  );
  const startPages: number[] = [];
  let next = front + 1;
  for (const pages of sectionPages) {
    startPages.push(next);
    next += pages;
  }
  return { startPages, totalPages: next - 1 };
}
