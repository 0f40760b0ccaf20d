import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemoApp } from '../../test-support/demo-app.ts';

const demo = useDemoApp();

const get = async (path: string) => {
  const res = await demo.app.request(path);
  return { status: res.status, html: await res.text(), res };
};

test('an empty query shows the labelled form only', async () => {
  const { status, html } = await get('/search');
  assert.equal(status, 200);
  assert.match(html, /<label for="search-q"[^>]*>キーワード<\/label>/);
  assert.match(html, /<input id="search-q"[^>]*name="q"/);
  assert.match(html, /<form action="\/search" method="get">/);
  assert.match(html, /href="\/assets\/search.css"/);
  assert.doesNotMatch(html, /検索結果/);
  assert.doesNotMatch(html, /id="site-search-q"/, 'no second search box in the header');
});

test('hits show year, department, kind, marks, and link to the 一覧表 row', async () => {
  const { html } = await get('/search?q=%E7%A7%BB%E4%BD%8F');
  const count = /「移住」の検索結果 <span class="search-results__count">(\d+)件<\/span>/.exec(html);
  assert.ok(count, 'result count heading');
  assert.ok(Number(count[1]) > 3);
  assert.match(html, /<mark>移住<\/mark>/);
  assert.match(html, /令和\d+年度/);
  assert.match(html, /産業観光部/);
  assert.match(html, /数値目標|達成状況/);
  const href = /href="(\/m\/minatodai\/d\/\d+\/\d{4})#(th-row-\d+-(?:plan|review))"/.exec(html);
  assert.ok(href, 'a link to the table');
  const table = await get(href[1] ?? '');
  assert.equal(table.status, 200);
  assert.match(table.html, new RegExp(`id="${href[2]}"`));
});

test('user text is escaped, and no hits gives advice', async () => {
  const { status, html } = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>"')}`);
  assert.equal(status, 200);
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /見つかりませんでした/);
  assert.match(html, /検索結果 <span class="search-results__count">0件/);
});

test('control characters in a query (a NUL from a crafted URL) separate words instead of failing', async () => {
  const { status, html } = await get('/search?q=%00%3Cscript%3E');
  assert.equal(status, 200);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /検索結果/);
  const api = await demo.app.request('/api/search?q=%E7%A7%BB%E4%BD%8F%00');
  assert.equal(api.status, 200);
});

test('filters are kept selected; bad values are ignored', async () => {
  const { html } = await get('/search?q=%E7%A7%BB%E4%BD%8F&year=2024&block=plan&page=x&department=abc');
  assert.match(html, /<option value="2024" selected="">/);
  assert.match(html, /<option value="plan" selected="">/);
  const years = [...html.matchAll(/class="search-hit__year">([^<]+)</g)].map((m) => m[1]);
  assert.ok(years.length > 0);
  assert.ok(
    years.every((y) => y === '令和6年度'),
    years.join(),
  );
});

test('the grade filter: offered with its hint, kept selected, shown on every hit and in page links', async () => {
  const q = encodeURIComponent('の');
  const grade = encodeURIComponent('概ね達成');
  const { html } = await get(`/search?q=${q}&grade=${grade}`);
  assert.match(html, /<label for="search-grade">評価<\/label>/);
  assert.match(html, /<select id="search-grade" name="grade" aria-describedby="search-grade-hint">/);
  assert.match(html, /<option value="概ね達成" selected="">概ね達成<\/option>/);
  const grades = [...html.matchAll(/class="search-hit__grade">評価：([^<]+)</g)].map((m) => m[1]);
  const hits = [...html.matchAll(/class="search-hit /g)].length;
  assert.ok(hits > 0);
  assert.equal(grades.length, hits, 'every hit names its grade');
  assert.ok(
    grades.every((g) => g === '概ね達成'),
    grades.join(),
  );
  const total = Number(/search-results__count">(\d+)件/.exec(html)?.[1]);
  if (total > 20) assert.match(html, new RegExp(`href="/search\\?q=${q}&amp;grade=${grade}&amp;page=2"`));
  const all = await get(`/search?q=${q}`);
  assert.ok(Number(/search-results__count">(\d+)件/.exec(all.html)?.[1]) > total, 'the filter narrows');
});

test('a grade the scale does not have is ignored, not searched for', async () => {
  const q = encodeURIComponent('の');
  const unknown = await get(`/search?q=${q}&grade=${encodeURIComponent('Z')}`);
  const all = await get(`/search?q=${q}`);
  const count = (html: string) => /search-results__count">(\d+)件/.exec(html)?.[1];
  assert.equal(count(unknown.html), count(all.html));
  assert.doesNotMatch(unknown.html, /<option value="[^"]*" selected="">(?:達成|概ね達成|未達成)</);
});

test('pages: 20 per page, a second page, links keep the query', async () => {
  const first = await get('/search?q=%E5%B8%82');
  assert.equal([...first.html.matchAll(/class="search-hit /g)].length, 20);
  assert.match(first.html, /href="\/search\?q=%E5%B8%82&amp;page=2" rel="next"/);
  const second = await get('/search?q=%E5%B8%82&page=2');
  assert.match(second.html, /<ol class="search-hits" start="21">/);
  assert.match(
    second.html,
    /aria-current="page" class="is-current"><span class="visually-hidden">ページ<\/span>2/,
  );
});

test('the stylesheet is served with an ETag', async () => {
  const { status, res } = await get('/assets/search.css');
  assert.equal(status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/css/);
  const etag = res.headers.get('etag') ?? '';
  const again = await demo.app.request('/assets/search.css', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
});

test('other pages carry the header search box', async () => {
  const { html } = await get('/');
  assert.match(html, /<label for="site-search-q"[^>]*>重点目標を検索<\/label>/);
  assert.match(html, /<form class="site-search__form" action="\/search" method="get">/);
});
