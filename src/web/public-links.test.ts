import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { CHROMIUM_PATH } from '../exporters/pdf/browser.ts';
import { useDemoApp } from '../test-support/demo-app.ts';

const demo = useDemoApp();

const linksIn = (html: string, navLabel: string) => {
  const nav = html.slice(html.indexOf(`aria-label="${navLabel}"`));
  return [...nav.slice(0, nav.indexOf('</nav>')).matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
};

test('every format and related page linked from a 一覧表 answers', async () => {
  const department = await demo.db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '総務部')
    .executeTakeFirstOrThrow();
  const page = await demo.app.request(`/m/minatodai/d/${department.id}/2024`);
  assert.equal(page.status, 200);
  const links = linksIn(await page.text(), 'この一覧表の別の形式と関連ページ');
  assert.equal(links.length, 7);
  for (const href of links) {
    if (href.endsWith('.pdf') && !existsSync(CHROMIUM_PATH)) continue;
    const res = await demo.app.request(href);
    assert.equal(res.status, 200, href);
    if (href.endsWith('.xlsx')) {
      assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a zip (xlsx) file');
    }
  }
});

test('the index links each municipality to its dashboard, whole-city print, search and open data', async () => {
  const html = await (await demo.app.request('/')).text();
  for (const href of ['/m/minatodai/dashboard/2024', '/m/minatodai/print/2025', '/search', '/open-data']) {
    assert.ok(html.includes(`href="${href}"`), href);
    assert.equal((await demo.app.request(href)).status, 200, href);
  }
});
