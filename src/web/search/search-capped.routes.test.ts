import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSources } from '../../importer/import.service.ts';
import { search } from '../../search/search.service.ts';
import { useDemoApp } from '../../test-support/demo-app.ts';
import { makeLargeDocument, sourceOf } from '../../test-support/factories.ts';

/** The demo city and a large one (1,200 entries, 取組 in 1,120 of them, 560 plan items): more hits than counted. */
const demo = useDemoApp(async ({ db }) => {
  await importSources(db.kysely, [sourceOf(makeLargeDocument(40, 14))], {
    published: true,
    municipality: { code: 'large', name: '大規模市' },
  });
});

const get = async (path: string) => (await demo.app.request(path)).text();
const q = encodeURIComponent('取組');

test('past the count cap the page says 1,000件以上, why, and how to narrow', async () => {
  const html = await get(`/search?q=${q}`);
  assert.match(html, /「取組」の検索結果 <span class="search-results__count">1,000件以上<\/span>/);
  assert.match(html, /1,000件以上のうち 1〜20件目を表示（新しい年度から順）/);
  assert.match(
    html,
    /class="search-results__capped">見つかった項目が多いため、新しい年度から順に1,000件目までを表示しています。/,
  );
  assert.match(html, /語を増やすか、年度・部局・区分で絞り込んで探してください。/);
  assert.equal([...html.matchAll(/class="search-hit /g)].length, 20);
  assert.match(html, new RegExp(`href="/search\\?q=${q}&amp;page=2" rel="next"`));
});

test('the last page of a capped result is page 50; a later page reads as it', async () => {
  for (const page of [50, 51, 9999]) {
    const html = await get(`/search?q=${q}&page=${page}`);
    assert.match(html, /<ol class="search-hits" start="981">/, `page ${page}`);
    assert.match(html, /1,000件以上のうち 981〜1000件目を表示/);
    assert.match(
      html,
      /aria-current="page" class="is-current"><span class="visually-hidden">ページ<\/span>50/,
    );
    assert.doesNotMatch(html, /rel="next"/);
  }
});

test('a filter that brings the hits under the cap shows the exact count and no notice', async () => {
  const plan = await search(demo.db.kysely, { q: '取組', block: 'plan' });
  assert.ok(plan.total > 560 && !plan.capped, `${plan.total}`);
  const html = await get(`/search?q=${q}&block=plan`);
  assert.match(html, new RegExp(`<span class="search-results__count">${plan.total}件</span>`));
  assert.match(html, new RegExp(`${plan.total}件中 1〜20件目を表示`));
  assert.doesNotMatch(html, /search-results__capped/);
});

test('GET /api/search: total stops at 1000 with totalCapped, pages as the page does', async () => {
  const res = await demo.app.request(`/api/search?q=${q}&page=60`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    total: number;
    totalCapped: boolean;
    page: number;
    pageCount: number;
    hits: unknown[];
  };
  assert.deepEqual(
    [body.total, body.totalCapped, body.page, body.pageCount, body.hits.length],
    [1000, true, 50, 50, 20],
  );
  const exact = (await (await demo.app.request(`/api/search?q=${q}&block=plan`)).json()) as typeof body;
  assert.deepEqual(
    [exact.total, exact.totalCapped],
    [(await search(demo.db.kysely, { q: '取組', block: 'plan' })).total, false],
  );
  const doc = (await (await demo.app.request('/api/openapi.json')).json()) as {
    paths: Record<
      string,
      { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }
    >;
  };
  const schema = JSON.stringify(
    doc.paths['/search']?.get.responses['200']?.content['application/json']?.schema,
  );
  assert.match(schema, /"totalCapped":\{"type":"boolean"/);
});
