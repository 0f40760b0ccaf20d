import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asObjects, parseUtf8Csv } from '../../exporters/csv/parse-csv.testkit.ts';
import { exportTables } from '../../exporters/export.service.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { setPhasesWhere } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
const ids: Record<string, number> = {};

before(async () => {
  db = await createTestDb();
  const docs = ['<b>総務部</b>', '福祉部', '非公開部'].map((department) =>
    makeDocument({ department, planYear: 2024 }),
  );
  await importSources(db.kysely, [sourceOf(...docs)], {
    published: true,
    municipality: { code: 'od', name: 'オープン市' },
  });
  for (const d of await db.kysely.selectFrom('department').select(['id', 'name']).execute())
    ids[d.name] = d.id;
  // 福祉部 withdraws its plan block; 非公開部 withdraws everything.
  await setPhasesWhere(db.kysely, { departmentId: ids.非公開部! }, 'draft');
  await setPhasesWhere(db.kysely, { departmentId: ids.福祉部!, phase: 'goal_setting' }, 'draft');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function csvRows(path: string): Promise<Array<Record<string, string>>> {
  const res = await app.request(path);
  assert.equal(res.status, 200, path);
  return asObjects(parseUtf8Csv(new Uint8Array(await res.arrayBuffer())));
}

test('the catalog lists published departments only, names escaped', async () => {
  const res = await app.request('/open-data');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.ok(html.includes('&lt;b&gt;総務部&lt;/b&gt;'));
  assert.ok(!html.includes('<b>総務部'));
  assert.ok(html.includes(`/open-data/od/2024/${ids.福祉部}/items.csv`));
  assert.ok(!html.includes('非公開部'));
  assert.ok(!html.includes(`/open-data/od/2024/${ids.非公開部}/`));
});

test('the city file holds published blocks only', async () => {
  const rows = await csvRows('/open-data/od/2024/items.csv');
  const blocks = (department: string) => [
    ...new Set(rows.filter((r) => r.担当部局名 === department).map((r) => r.区分コード)),
  ];
  assert.deepEqual(blocks('<b>総務部</b>'), ['review', 'plan']);
  assert.deepEqual(blocks('福祉部'), ['review']);
  assert.deepEqual(blocks('非公開部'), []);
  assert.equal((await app.request(`/open-data/od/2024/${ids.非公開部}/items.csv`)).status, 404);
});

test('a department file holds that department only', async () => {
  const rows = await csvRows(`/open-data/od/2024/${ids.福祉部}/quantities.csv`);
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.担当部局名 === '福祉部' && r.数量の種別 === '実績'));
});

test('tables.json is the interchange JSON, byte for byte what the JSON exporter writes', async () => {
  for (const department of [undefined, String(ids['<b>総務部</b>'])]) {
    const path =
      department === undefined
        ? '/open-data/od/2024/tables.json'
        : `/open-data/od/2024/${department}/tables.json`;
    const res = await app.request(path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="od-2024/);
    const expected = await exportTables(db.kysely, {
      municipality: 'od',
      department,
      planYear: 2024,
      audience: 'public',
      format: 'json',
    });
    assert.equal(await res.text(), expected.body);
  }
});
