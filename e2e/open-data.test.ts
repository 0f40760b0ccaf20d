import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { asObjects, parseCp932Csv, parseUtf8Csv } from '../src/exporters/csv/parse-csv.testkit.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

let server: TestServer;
let browser: Browser | undefined;

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await browser?.close();
  await server.close();
});

async function fetchBytes(path: string): Promise<{ res: Response; bytes: Uint8Array }> {
  const res = await fetch(`${server.url}${path}`);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

test('GET /open-data lists the demo city’s files with stable URLs and the column dictionary', async () => {
  const res = await fetch(`${server.url}/open-data`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const html = await res.text();
  assert.match(html, /<h1[^>]*>オープンデータ<\/h1>/);
  assert.match(html, /href="\/assets\/open-data\.css"/);
  assert.match(html, /みなと台市/);
  assert.match(html, /href="\/open-data\/minatodai\/2025\/items\.csv"/);
  assert.match(html, /href="\/open-data\/minatodai\/2025\/items\.csv\?encoding=cp932"/);
  assert.match(html, /href="\/open-data\/minatodai\/2025\/\d+\/quantities\.csv"/);
  assert.match(html, /href="\/open-data\/minatodai\/2023\/tables\.json"/);
  assert.match(html, /Shift_JIS（CP932）版/);
  for (const column of ['具体的な重点取組項目', '年度（和暦）', '比較記号', '単位']) {
    assert.ok(html.includes(`<th scope="row">${column}</th>`), `dictionary row ${column}`);
  }
  const css = await fetch(`${server.url}/assets/open-data.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
});

test('the whole-city items CSV: UTF-8 with BOM, CRLF, a Japanese download name', async () => {
  const { res, bytes } = await fetchBytes('/open-data/minatodai/2025/items.csv');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  const disposition = res.headers.get('content-disposition') ?? '';
  assert.match(disposition, /^attachment; filename="minatodai-2025-items\.csv"; filename\*=UTF-8''/);
  const encodedName = disposition.slice(disposition.indexOf("UTF-8''") + 7);
  assert.equal(decodeURIComponent(encodedName), 'みなと台市_令和7年度_重点取組項目.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  const firstLine = text.slice(0, text.indexOf('\r\n'));
  assert.equal(
    firstLine,
    '自治体コード,自治体名,担当部局名,区分コード,区分,年度（西暦）,年度（和暦）,重点目標番号,重点目標,取組番号,担当課等,具体的な重点取組項目,記述項目,記述,数量の件数',
  );
  const rows = asObjects(parseUtf8Csv(bytes));
  assert.ok(rows.length > 20);
  assert.equal(new Set(rows.map((r) => r.担当部局名)).size, 4, 'every demo department is in the city file');
  assert.ok(rows.every((r) => r.自治体名 === 'みなと台市'));
  assert.deepEqual(new Set(rows.map((r) => r['年度（西暦）'])), new Set(['2024', '2025']));
});

test('one department’s quantities CSV in Shift_JIS (CP932)', async () => {
  const department = await server.db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '総務部')
    .executeTakeFirstOrThrow();
  const { res, bytes } = await fetchBytes(
    `/open-data/minatodai/2025/${department.id}/quantities.csv?encoding=cp932`,
  );
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=Shift_JIS');
  const disposition = res.headers.get('content-disposition') ?? '';
  assert.equal(
    decodeURIComponent(disposition.slice(disposition.indexOf("UTF-8''") + 7)),
    'みなと台市_総務部_令和7年度_数量_SJIS.csv',
  );
  assert.notEqual(bytes[0], 0xef, 'no BOM in the Shift_JIS file');
  const records = parseCp932Csv(bytes);
  assert.equal(records[0]?.[0], '自治体コード');
  const rows = asObjects(records);
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.担当部局名 === '総務部'));
  assert.ok(rows.every((r) => /^-?[0-9]+(\.[0-9]+)?$/.test(r.値 ?? '') && (r.単位 ?? '') !== ''));
});

test('unknown years, departments and encodings answer 404 / 400', async () => {
  assert.equal((await fetch(`${server.url}/open-data/minatodai/2031/items.csv`)).status, 404);
  assert.equal((await fetch(`${server.url}/open-data/minatodai/2025/99999/items.csv`)).status, 404);
  assert.equal((await fetch(`${server.url}/open-data/nowhere/2025/items.csv`)).status, 404);
  assert.equal((await fetch(`${server.url}/open-data/minatodai/2025/items.csv?encoding=latin1`)).status, 400);
});

test('the catalog page in Chromium', { skip: chromiumSkip }, async () => {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.goto(`${server.url}/open-data`);
  assert.equal(await page.locator('main h1').textContent(), 'オープンデータ');
  // Our stylesheet applied: the file tables collapse their borders.
  const collapse = await page
    .locator('table.od-files')
    .first()
    .evaluate((t) => getComputedStyle(t).borderCollapse);
  assert.equal(collapse, 'collapse');
  const link = page.getByRole('link', { name: /総務部 令和7年度.*重点取組項目 CSV（UTF-8）/ });
  assert.equal(await link.count(), 1, 'each download link has a distinct accessible name');
  // axe-core from node_modules; the page's CSP forbids injected scripts, so this page bypasses it.
  await page.addScriptTag({ path: fileURLToPath(import.meta.resolve('axe-core/axe.min.js')) });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string }> }> } })
      .axe;
    return (await axe.run()).violations.map((v) => v.id);
  });
  assert.deepEqual(violations, []);
  await page.screenshot({ path: screenshotPath('open-data.png'), fullPage: true });
  await page.close();
});
