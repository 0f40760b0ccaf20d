import assert from 'node:assert/strict';
import { test } from 'node:test';
import { search } from '../../search/search.service.ts';
import { useDemoApp } from '../../test-support/demo-app.ts';

const demo = useDemoApp();

interface Hit {
  year: number;
  block: string;
  grade: string | null;
  goalTitle: Array<{ text: string; hit: boolean }>;
  item?: { text: Array<{ text: string; hit: boolean }> };
  tableUrl: string;
}
interface Result {
  total: number;
  pageSize: number;
  pageCount: number;
  hits: Hit[];
}

const get = async (query: string) => {
  const res = await demo.app.request(`/api/search?${query}`);
  return { status: res.status, body: (await res.json()) as Result & { error?: { field?: string } } };
};

test('GET /api/search answers like the page: published hits, marks, links, grades', async () => {
  const { status, body } = await get(`q=${encodeURIComponent('移住')}`);
  assert.equal(status, 200);
  assert.equal(body.total, (await search(demo.db.kysely, { q: '移住' })).total);
  assert.ok(body.total > 0);
  assert.equal(body.pageSize, 20);
  for (const hit of body.hits) {
    const marked = [...hit.goalTitle, ...(hit.item?.text ?? [])].filter((s) => s.hit).map((s) => s.text);
    assert.ok(marked.includes('移住'), JSON.stringify(hit));
    assert.match(hit.tableUrl, /^\/m\/minatodai\/d\/\d+\/\d{4}#th-row-\d+-(plan|review)$/);
  }
  const graded = await get(`q=${encodeURIComponent('の')}&grade=${encodeURIComponent('未達成')}&year=2024`);
  assert.equal(graded.status, 200);
  assert.ok(graded.body.total > 0);
  for (const hit of graded.body.hits) assert.deepEqual([hit.grade, hit.year], ['未達成', 2024]);
});

test('bad parameters are refused with the field named', async () => {
  const { status, body } = await get('q=x&block=draft');
  assert.equal(status, 400);
  assert.equal(body.error?.field, 'block');
  assert.equal((await get('page=2')).status, 400, 'q is required');
});

test('the OpenAPI description lists the search', async () => {
  const doc = (await (await demo.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, unknown>;
  };
  assert.ok(doc.paths['/search'], Object.keys(doc.paths).join());
});
