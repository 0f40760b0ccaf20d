import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { chromiumMissingError } from '../../exporters/pdf/chromium-check.ts';
import type { TableExport } from '../../exporters/types.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../app.tsx';
import { registerPrintRoutes } from './print.routes.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let somu: number;

before(async () => {
  db = await createTestDb(undefined, { demo: true });
  const row = await db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '総務部')
    .executeTakeFirstOrThrow();
  somu = row.id;
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

describe('print views in the app', () => {
  it('serves one department as a standalone print document', async () => {
    const res = await app.request(`/m/minatodai/d/${somu}/2025/print`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('<table class="ichiran">') && html.includes('<dd>総務部</dd>'));
    assert.ok(html.includes('class="print-toolbar"') && !html.includes('class="site-header"'));
    assert.ok(html.includes(`href="/m/minatodai/d/${somu}/2025"`), 'a way back to the page');
    assert.ok(!/\sstyle="/.test(html), 'nothing the CSP would block');
  });

  it('serves the whole city with a 目次 entry per department', async () => {
    const res = await app.request('/m/minatodai/print/2025');
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const name of ['総務部', '市民生活部', '健康福祉部', '産業観光部']) {
      assert.match(html, new RegExp(`<span class="print-toc__name">${name}</span>`));
    }
  });

  it('leaves the page and its JSON where they were', async () => {
    const page = await app.request(`/m/minatodai/d/${somu}/2025`);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes('class="site-header"'));
    const json = await app.request(`/m/minatodai/d/${somu}/2025.json`);
    assert.equal(json.status, 200);
    assert.equal(((await json.json()) as { department: string }).department, '総務部');
  });

  it('serves the print stylesheet', async () => {
    const res = await app.request('/assets/print-document.css');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await res.text(), /break-before: page/);
  });

  it('answers 404 for unknown departments, years and municipalities', async () => {
    for (const path of [
      '/m/minatodai/d/99999/2025/print',
      `/m/minatodai/d/${somu}/1999/print`,
      '/m/nowhere/print/2025',
      '/m/minatodai/print/1999.pdf',
      '/m/minatodai/print/25',
    ]) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });
});

describe('PDF downloads', () => {
  const pdfApp = (options: Parameters<typeof registerPrintRoutes>[2]) => {
    const small = new Hono();
    registerPrintRoutes(small, db.kysely, options);
    return small;
  };

  it('sends the rendered PDF as an attachment with a Japanese file name', async () => {
    const seen: TableExport[][] = [];
    const small = pdfApp({
      pdfAvailable: () => true,
      renderPdf: async (tables) => {
        seen.push(tables);
        return new TextEncoder().encode('%PDF-1.4 stub');
      },
    });
    const one = await small.request(`/m/minatodai/d/${somu}/2025.pdf`);
    assert.equal(one.status, 200);
    assert.equal(one.headers.get('content-type'), 'application/pdf');
    assert.equal(await one.text(), '%PDF-1.4 stub');
    const disposition = one.headers.get('content-disposition') ?? '';
    assert.ok(disposition.startsWith('attachment; filename="ichiranhyo-2025.pdf"'));
    assert.ok(
      disposition.includes(`filename*=UTF-8''${encodeURIComponent('重点目標一覧表_総務部_2025.pdf')}`),
    );
    const city = await small.request('/m/minatodai/print/2025.pdf');
    assert.equal(city.status, 200);
    assert.deepEqual(
      seen.map((tables) => tables.map((t) => t.department.name).sort()),
      [['総務部'], ['健康福祉部', '産業観光部', '市民生活部', '総務部'].sort()],
    );
  });

  it('answers 503 with a link to the HTML print view when Chromium is missing', async () => {
    const missing = pdfApp({ pdfAvailable: () => false });
    const res = await missing.request('/m/minatodai/print/2025.pdf');
    assert.equal(res.status, 503);
    const html = await res.text();
    assert.ok(html.includes('href="/m/minatodai/print/2025"'));
    assert.ok(html.includes('印刷用の表示') && html.includes('apt-get install -y chromium'));

    const failing = pdfApp({
      pdfAvailable: () => true,
      renderPdf: async () => {
        throw chromiumMissingError();
      },
    });
    const dept = await failing.request(`/m/minatodai/d/${somu}/2025.pdf`);
    assert.equal(dept.status, 503);
    assert.ok((await dept.text()).includes(`href="/m/minatodai/d/${somu}/2025/print"`));
  });
});
