import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'multi', name: '複数市' });
  planning = await makeUser(db.kysely, m.id, 'planning');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

const json = (department: string) => JSON.stringify(makeDocument({ department, planYear: 2024 }));

async function csrf(): Promise<string> {
  return csrfFrom(
    await (await app.request('/staff/import', { headers: { cookie: planning.cookie } })).text(),
  );
}

async function upload(files: [string, string][]) {
  const body = new FormData();
  body.set('_csrf', await csrf());
  for (const [name, text] of files) body.append('file', new File([text], name, { type: 'application/json' }));
  return app.request('/staff/import', { method: 'POST', body, headers: { cookie: planning.cookie } });
}

async function post(path: string, fields: [string, string][]) {
  const body = new URLSearchParams([['_csrf', await csrf()], ...fields]);
  return app.request(path, { method: 'POST', body, headers: { cookie: planning.cookie } });
}

const tokensIn = (html: string) => [...html.matchAll(/name="t" value="([\w-]+)"/g)].map((m) => m[1] ?? '');
const departments = async () =>
  (await db.kysely.selectFrom('department').select('name').execute()).map((r) => r.name);

test('two files: two previews on one page; すべて取り込む stores both', async () => {
  const page = await upload([
    ['a.json', json('一括甲部')],
    ['b.json', json('一括乙部')],
  ]);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /2 件のファイルのうち 2 件を読み取りました/);
  assert.match(html, /<h2 id="file1">a\.json<\/h2>/);
  assert.match(html, /<h2 id="file2">b\.json<\/h2>/);
  assert.match(html, /一括甲部/);
  assert.match(html, /この表を取り込む/);
  assert.ok(!(await departments()).includes('一括甲部'), 'nothing stored before confirming');

  const all = [...new Set(tokensIn(html))];
  assert.equal(all.length, 2);
  const result = await post(
    '/staff/import/batch',
    all.map((t) => ['t', t]),
  );
  assert.equal(result.status, 200);
  assert.match(await result.text(), /取り込みました/);
  const stored = await departments();
  assert.ok(stored.includes('一括甲部') && stored.includes('一括乙部'));
  const pending = await db.kysely
    .selectFrom('pending_import')
    .select('token')
    .where('token', 'in', all)
    .execute();
  assert.equal(pending.length, 0);
});

test('one bad file: its error is shown at that file, the other stays; 除外 and one by one', async () => {
  const page = await upload([
    ['good.json', json('一括丙部')],
    ['bad.json', '{\n  "department": "壊れ",\n'],
    ['other.json', json('一括丁部')],
  ]);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /3 件のファイルのうち 2 件を読み取りました（1 件は読み取れませんでした/);
  const bad = html.slice(html.indexOf('<h2 id="file2">'), html.indexOf('<h2 id="file3">'));
  assert.match(bad, /bad\.json/);
  assert.match(bad, /role="alert"/);
  assert.match(bad, /JSON の書き方に誤りがあります/);

  const [good, other] = [...new Set(tokensIn(html))];
  assert.ok(good && other);
  // 除外 the second read file: back to the page with only the first.
  const discarded = await post(`/staff/import/${other}/discard`, [['t', good]]);
  assert.equal(discarded.status, 303);
  const back = await app.request(discarded.headers.get('location') ?? '', {
    headers: { cookie: planning.cookie },
  });
  const backHtml = await back.text();
  assert.match(backHtml, /good\.json/);
  assert.doesNotMatch(backHtml, /other\.json/);
  // この表を取り込む: the existing single-file confirmation.
  const one = await post(`/staff/import/${good}`, []);
  assert.equal(one.status, 200);
  const stored = await departments();
  assert.ok(stored.includes('一括丙部'));
  assert.ok(!stored.includes('一括丁部'), 'the excluded file is never stored');
});
