import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../../demo/load-demo.ts';
import { AppError } from '../../errors.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { readSource } from '../../importer/read-source.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { loadTables } from '../export.service.ts';
import type { TableExport } from '../types.ts';
import { exportHtml } from './html.exporter.ts';
import { renderTablesHtml } from './render-tables-html.tsx';

const SEED = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);

/** hono/jsx's escaping, to find data as it must appear in the markup. */
const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/** The table breaks long texts before bullets with `<br>` after the space; without them the text is whole again. */
const withoutBreaks = (html: string): string => html.replace(/<br\s*\/?>/g, '');

function dataTexts(doc: IchiranDocument): string[] {
  return [doc.review, doc.plan]
    .flatMap((block) =>
      block.goals.flatMap((goal) => [
        goal.title,
        ...goal.items.flatMap((item) => [item.text, item.achievement, item.target, item.unit]),
      ]),
    )
    .filter((text): text is string => text !== undefined && text.trim() !== '');
}

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

describe('renderTablesHtml: one table', {
  skip: !existsSync(SEED) && 'the shared seed is not beside this checkout',
}, () => {
  let tables: TableExport[];
  before(async () => {
    const result = await importSources(db.kysely, [readSource('seed.txt', readFileSync(SEED))], {
      published: true,
      municipality: { code: 'seed', name: '種市' },
    });
    const planYear = result.documents[0]?.planYear ?? 0;
    tables = await loadTables(db.kysely, { municipality: 'seed', planYear, audience: 'public' });
  });

  it('holds every goal title and item text of the seed, escaped', async () => {
    const html = withoutBreaks(await renderTablesHtml(tables));
    const texts = dataTexts(tables[0]!.document);
    assert.ok(texts.length > 40, `the seed has many texts (${texts.length})`);
    for (const text of texts) assert.ok(html.includes(escapeHtml(text)), `missing: ${text}`);
  });

  it('is the page form without site navigation, styled by the app stylesheets', async () => {
    const html = await renderTablesHtml(tables);
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="ja">'));
    for (const href of ['/assets/app.css', '/assets/print.css', '/assets/print-document.css']) {
      assert.ok(html.includes(`href="${href}"`), href);
    }
    assert.match(html, /<h1 class="form-head__title">重点目標一覧表<\/h1>/);
    assert.ok(html.includes('<table class="ichiran">'));
    assert.ok(!html.includes('site-header') && !html.includes('breadcrumbs'));
    assert.ok(!html.includes('print-toc'), 'no 目次 for one table');
    // The web print view is served under a CSP without inline styles or scripts.
    assert.ok(!/\sstyle="/.test(html) && !html.includes('<script'));
  });

  it('exportHtml labels the document as HTML', async () => {
    const output = await exportHtml(tables);
    assert.equal(output.contentType, 'text/html; charset=utf-8');
    assert.equal(output.extension, 'html');
    assert.equal(output.body, await renderTablesHtml(tables));
  });
});

describe('renderTablesHtml: user text', () => {
  it('escapes markup in titles, items and the department name', async () => {
    const evil = '<script>alert("x")</script>';
    const doc = makeDocument({ department: `${evil}部`, planYear: 2031 });
    doc.plan.goals[0] = makeGoal(
      1,
      [makeItem(1, { text: `${evil} & 項目`, target: `'${evil}'` })],
      `${evil}目標`,
    );
    await importSources(db.kysely, [sourceOf(doc)], {
      published: true,
      allowYear: true,
      municipality: { code: 'evil', name: `${evil}市` },
    });
    const tables = await loadTables(db.kysely, {
      municipality: 'evil',
      planYear: 2031,
      audience: { includeDrafts: true },
    });
    for (const html of [await renderTablesHtml(tables), await renderTablesHtml(tables, { book: true })]) {
      assert.ok(!html.includes('<script'), 'no live script element');
      assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;目標'));
      assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 項目'));
      assert.ok(html.includes('&#39;&lt;script&gt;'));
    }
  });

  it('refuses an empty list', async () => {
    await assert.rejects(
      renderTablesHtml([]),
      (e: unknown) => e instanceof AppError && e.code === 'INVALID_INPUT',
    );
  });
});

describe('renderTablesHtml: the whole city', () => {
  let tables: TableExport[];
  before(async () => {
    await loadDemo(db.kysely);
    tables = await loadTables(db.kysely, { municipality: 'minatodai', planYear: 2025, audience: 'public' });
  });

  it('has a cover and a 目次 entry linking to each department, each from a new page', async () => {
    assert.ok(tables.length >= 4);
    const html = await renderTablesHtml(tables);
    assert.match(html, /<title>みなと台市 重点目標一覧表 令和7年度（令和6年度実績）<\/title>/);
    assert.match(html, /class="print-cover__municipality">みなと台市</);
    const toc = html.slice(html.indexOf('class="print-toc"'), html.indexOf('</nav>'));
    for (const [index, table] of tables.entries()) {
      const id = `d${index + 1}`;
      assert.ok(
        toc.includes(`href="#${id}"><span class="print-toc__name">${table.department.name}</span>`),
        id,
      );
      assert.ok(html.includes(`<section id="${id}" class="page print-section print-section--break">`), id);
    }
    assert.ok(!toc.includes('print-toc__page'), 'no page numbers until they are counted');
    for (const table of tables)
      assert.ok(withoutBreaks(html).includes(escapeHtml(table.document.plan.goals[0]!.title)));
  });

  it('keeps every id unique and every headers reference inside its own table', async () => {
    const html = await renderTablesHtml(tables);
    const all = ids(html);
    assert.equal(new Set(all).size, all.length, 'duplicate ids');
    const known = new Set(all);
    for (const m of html.matchAll(/\sheaders="([^"]*)"/g)) {
      for (const ref of (m[1] ?? '').split(' ')) assert.ok(known.has(ref), `dangling headers ref ${ref}`);
    }
    assert.ok(known.has('d2-th-no') && !known.has('th-no'));
  });

  it('shows counted start pages and renders single parts for counting', async () => {
    const startPages = tables.map((_, i) => 3 + i * 2);
    const html = await renderTablesHtml(tables, { startPages });
    assert.match(html, /class="print-toc__page">3<span class="visually-hidden">ページ<\/span>/);
    const front = await renderTablesHtml(tables, { only: 'front-matter', startPages });
    assert.ok(front.includes('print-toc') && !front.includes('<table'));
    const second = await renderTablesHtml(tables, { only: 1 });
    assert.ok(!second.includes('print-toc') && second.includes('<section id="d2"'));
    assert.equal((second.match(/<table /g) ?? []).length, 1);
  });
});
