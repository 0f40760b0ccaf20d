import type { Context, Env, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { loadWebConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { loadTables } from '../../exporters/export.service.ts';
import { registerPrintAssets } from '../../exporters/html/print-assets.ts';
import { renderTablesHtml } from '../../exporters/html/render-tables-html.tsx';
import { isChromiumMissing, pdfAvailable } from '../../exporters/pdf/chromium-check.ts';
import { renderPdf } from '../../exporters/pdf/render-pdf.ts';
import type { TableExport } from '../../exporters/types.ts';
import { renderPage } from '../../views/render.tsx';
import { urls } from '../../views/view-models.ts';
import { PdfUnavailablePage } from './pdf-unavailable.page.tsx';
import { attachmentDisposition, printUrls } from './print-urls.ts';
import { type RenderQueue, renderQueue } from './render-queue.ts';

/** Seams for tests: the PDF renderer and the Chromium check. */
export interface PrintRouteOptions {
  renderPdf?: typeof renderPdf;
  pdfAvailable?: () => boolean;
  queue?: RenderQueue;
}

const DEPT = '/m/:code/d/:id{[0-9]+}';

/**
 * Print views (standalone HTML, A4 landscape) and PDFs of published tables. The patterns never
 * overlap the page's `/:year{[0-9]{4}}` and `.json` routes: `/print` is a further segment and
 * `.pdf` a different suffix.
 */
export function registerPrintRoutes<E extends Env>(
  app: Hono<E>,
  db: Kysely<Database>,
  options: PrintRouteOptions = {},
): void {
  const renderOne = options.renderPdf ?? renderPdf;
  const web = loadWebConfig();
  const queue = options.queue ?? renderQueue(web.pdfConcurrency, web.pdfQueue);
  const render: typeof renderPdf = (tables, opts) => queue(() => renderOne(tables, opts));
  const canPdf = options.pdfAvailable ?? pdfAvailable;
  registerPrintAssets(app);

  const departmentTables = async (c: Context<E>) => {
    const id = Number(c.req.param('id'));
    const tables = await loadTables(db, {
      municipality: c.req.param('code'),
      department: String(id),
      planYear: Number.parseInt(c.req.param('year') ?? '', 10),
      audience: 'public',
    });
    // loadTables matches a department by name before id; a department named like a number must not answer.
    if (tables[0]?.department.id !== id) throw new AppError('NOT_FOUND', 'no such department');
    return tables;
  };
  const cityTables = (c: Context<E>) =>
    loadTables(db, {
      municipality: c.req.param('code'),
      planYear: Number.parseInt(c.req.param('year') ?? '', 10),
      audience: 'public',
    });

  const pdfResponse = async (
    c: Context<E>,
    tables: TableExport[],
    target: { fileName: string; printHref: string; book: boolean },
  ) => {
    const { fileName, printHref, book } = target;
    const unavailable = async () =>
      c.html(await renderPage(<PdfUnavailablePage printHref={printHref} />), 503);
    if (!canPdf()) return unavailable();
    let pdf: Uint8Array;
    try {
      pdf = await render(tables, { book });
    } catch (error) {
      if (isChromiumMissing(error)) return unavailable();
      throw error;
    }
    const ascii = `ichiranhyo-${tables[0]?.document.plan.fiscalYear ?? ''}.pdf`;
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(fileName, ascii),
    });
  };

  app.get(`${DEPT}/:year{[0-9]{4}}/print`, async (c) => {
    const tables = await departmentTables(c);
    const [code, id, year] = [c.req.param('code'), Number(c.req.param('id')), Number(c.req.param('year'))];
    const html = await renderTablesHtml(tables, {
      toolbar: {
        backHref: urls.ichiranhyo(code, id, year),
        backLabel: '一覧表の画面に戻る',
        ...(canPdf() ? { pdfHref: printUrls.departmentPdf(code, id, year) } : {}),
      },
    });
    return c.html(html);
  });

  app.get(`${DEPT}/:year{[0-9]{4}\\.pdf}`, async (c) => {
    const tables = await departmentTables(c);
    const [code, id, year] = [
      c.req.param('code'),
      Number(c.req.param('id')),
      Number.parseInt(c.req.param('year'), 10),
    ];
    const name = `重点目標一覧表_${tables[0]?.department.name}_${year}.pdf`;
    return pdfResponse(c, tables, {
      fileName: name,
      printHref: printUrls.department(code, id, year),
      book: false,
    });
  });

  app.get('/m/:code/print/:year{[0-9]{4}}', async (c) => {
    const tables = await cityTables(c);
    const [code, year] = [c.req.param('code'), Number(c.req.param('year'))];
    const html = await renderTablesHtml(tables, {
      book: true,
      toolbar: {
        backHref: urls.municipality(code),
        backLabel: '部局の一覧に戻る',
        ...(canPdf() ? { pdfHref: printUrls.cityPdf(code, year) } : {}),
      },
    });
    return c.html(html);
  });

  app.get('/m/:code/print/:year{[0-9]{4}\\.pdf}', async (c) => {
    const tables = await cityTables(c);
    const [code, year] = [c.req.param('code'), Number.parseInt(c.req.param('year'), 10)];
    const name = `重点目標一覧表_${tables[0]?.municipality.name}_${year}.pdf`;
    return pdfResponse(c, tables, { fileName: name, printHref: printUrls.city(code, year), book: true });
  });
}
