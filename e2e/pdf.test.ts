import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { loadTables } from '../src/exporters/export.service.ts';
import { CHROMIUM_PATH } from '../src/exporters/pdf/browser.ts';
import { countPdfPages } from '../src/exporters/pdf/page-count.ts';
import { renderPdf } from '../src/exporters/pdf/render-pdf.ts';
import { importSources } from '../src/importer/import.service.ts';
import { readSource } from '../src/importer/read-source.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { createApp } from '../src/web/app.tsx';
import { seedsDir } from './cli-harness.ts';

const SEED = join(seedsDir, '000_e224602d88f71594.txt');
const popplerMissing = spawnSync('pdfinfo', ['-v']).error !== undefined;

/** In CI a missing tool fails the test; elsewhere it is skipped with the install command. */
function toolsReady(t: TestContext): boolean {
  const missing = [
    existsSync(CHROMIUM_PATH) ? undefined : `Chromium (${CHROMIUM_PATH})`,
    popplerMissing ? 'poppler-utils (pdfinfo, pdftotext)' : undefined,
    existsSync(SEED) ? undefined : `the shared seed (${SEED})`,
  ].filter((m) => m !== undefined);
  if (missing.length === 0) return true;
  const message = `PDF test needs ${missing.join(', ')}: apt-get install -y chromium fonts-noto-cjk fonts-morisawa-bizud-gothic poppler-utils`;
  if (process.env.CI) assert.fail(message);
  t.skip(message);
  return false;
}

let workDir: string;
function poppler(tool: string, pdf: Uint8Array, ...args: string[]): string {
  const file = join(workDir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}
const pageText = (pdf: Uint8Array, page: number) =>
  poppler('pdftotext', pdf, '-layout', '-f', String(page), '-l', String(page));
const bare = (text: string) => text.replace(/\s+/g, '');

function assertA4LandscapePdf(pdf: Uint8Array): number {
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', pdf))?.[1]);
  assert.equal(countPdfPages(pdf), pages, 'our page count agrees with pdfinfo');
  const sizes = [
    ...poppler('pdfinfo', pdf, '-f', '1', '-l', String(pages)).matchAll(/size:\s+([\d.]+) x ([\d.]+) pts/g),
  ];
  assert.equal(sizes.length, pages);
  for (const [, width, height] of sizes) {
    assert.ok(
      Math.abs(Number(width) - 842) <= 1 && Math.abs(Number(height) - 595) <= 1,
      `${width} x ${height}`,
    );
  }
  const fonts = poppler('pdffonts', pdf);
  assert.match(fonts, /BIZUDPGothic-Regular/, 'the form font is embedded');
  assert.match(fonts, /BIZUDPGothic-Bold/, 'and its bold weight');
  return pages;
}

let db: TestDb;
before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'mokuhyo-pdf-'));
  db = await createTestDb(undefined, { demo: true });
  if (existsSync(SEED)) {
    await importSources(db.kysely, [readSource('seed.txt', readFileSync(SEED))], {
      published: true,
      municipality: { code: 'seed', name: '種市' },
    });
  }
});
after(async () => {
  await db.destroy();
  rmSync(workDir, { recursive: true, force: true });
});

describe('PDF of the 一覧表', () => {
  it('prints the seed on A4 landscape with page numbers and the header row on every page', async (t) => {
    if (!toolsReady(t)) return;
    const tables = await loadTables(db.kysely, { municipality: 'seed', planYear: 2022, audience: 'public' });
    const pdf = await renderPdf(tables);
    const pages = assertA4LandscapePdf(pdf);
    assert.ok(pages >= 2, `the seed is longer than one page (${pages})`);
    assert.ok(bare(pageText(pdf, 1)).includes('担当部局名市民まちづくり推進部・上田地域自治C'));
    for (let page = 1; page <= pages; page += 1) {
      const text = pageText(pdf, page);
      assert.ok(
        text.includes('【令和3年度重点目標】') && text.includes('【令和4年度重点目標】'),
        `header on page ${page}`,
      );
      assert.ok(bare(text).includes(`-${page}/${pages}-`), `footer on page ${page}`);
    }
    assert.ok(bare(poppler('pdftotext', pdf)).includes('地域内分権の確立に向けた地域主体の自治の推進'));
  });

  it('prints the whole demo city with a 目次 whose page numbers are right', async (t) => {
    if (!toolsReady(t)) return;
    const tables = await loadTables(db.kysely, {
      municipality: 'minatodai',
      planYear: 2025,
      audience: 'public',
    });
    const pdf = await renderPdf(tables, { book: true });
    const pages = assertA4LandscapePdf(pdf);
    assert.ok(bare(pageText(pdf, 1)).includes('みなと台市重点目標一覧表令和7年度'));
    const toc = [...pageText(pdf, 2).matchAll(/^\s*(\S+?)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      name: m[1] ?? '',
      page: Number(m[2]),
    }));
    assert.deepEqual(
      toc.map((e) => e.name),
      tables.map((table) => table.department.name),
    );
    for (const [index, entry] of toc.entries()) {
      const text = bare(pageText(pdf, entry.page));
      assert.ok(
        text.includes('担当部局名') && text.includes(entry.name),
        `${entry.name} starts on page ${entry.page}`,
      );
      const next = toc[index + 1]?.page ?? pages + 1;
      assert.ok(next > entry.page, 'sections follow each other');
      for (let page = entry.page + 1; page < next; page += 1) {
        assert.ok(!pageText(pdf, page).includes('担当部局名'), `page ${page} continues ${entry.name}`);
      }
    }
    assert.equal(toc[0]?.page, 3, 'cover and 目次 come first');
  });

  it('is served at the department PDF URL', async (t) => {
    if (!toolsReady(t)) return;
    const row = await db.kysely
      .selectFrom('department')
      .select('id')
      .where('name', '=', '総務部')
      .executeTakeFirstOrThrow();
    const res = await createApp(db.kysely).request(`/m/minatodai/d/${row.id}/2025.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    assertA4LandscapePdf(pdf);
    assert.ok(bare(pageText(pdf, 1)).includes('担当部局名総務部'));
  });
});
