import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ensureDepartment } from '../../domain/departments/department.repo.ts';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

const seedUrl = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
const seed = existsSync(seedUrl) ? readFileSync(seedUrl) : undefined;

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;
let editor: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'up', name: '取込市' });
  const other = await ensureDepartment(db.kysely, m.id, '別の部');
  planning = await makeUser(db.kysely, m.id, 'planning');
  editor = await makeUser(db.kysely, m.id, 'editor', other.id);
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function upload(user: TestUser, name: string, bytes: Uint8Array) {
  const form = await app.request('/staff/import', { headers: { cookie: user.cookie } });
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  body.set('file', new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
  return app.request('/staff/import', { method: 'POST', body, headers: { cookie: user.cookie } });
}

test('planning uploads, sees warnings beside the source line, corrects the department, confirms', {
  skip: !seed && 'no seed',
}, async () => {
  const posted = await upload(planning, 'ueda.txt', seed ?? new Uint8Array());
  assert.equal(posted.status, 303);
  const previewUrl = posted.headers.get('location') ?? '';
  assert.match(previewUrl, /^\/staff\/import\/[\w-]+$/);

  const preview = await app.request(previewUrl, { headers: { cookie: planning.cookie } });
  const html = await preview.text();
  assert.equal(preview.status, 200);
  assert.match(html, /<th scope="row">47<\/th>/, 'the warning stands beside its source line');
  assert.match(html, /期限・数値目標等の番号②が2回出てきます/);
  assert.equal(
    (await app.request(previewUrl, { headers: { cookie: editor.cookie } })).status,
    404,
    'not yours',
  );
  assert.equal(
    await db.kysely.selectFrom('goal').select('id').executeTakeFirst(),
    undefined,
    'nothing stored yet',
  );

  const confirm = await app.request(previewUrl, {
    method: 'POST',
    headers: { cookie: planning.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: csrfFrom(html),
      department: '市民まちづくり推進部',
      planYear: '2022',
    }).toString(),
  });
  assert.equal(confirm.status, 200);
  assert.match(await confirm.text(), /作成中として保存しました（新規）/);
  const department = await db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '市民まちづくり推進部')
    .executeTakeFirst();
  assert.ok(department, 'stored under the corrected name');
  const audit = await db.kysely
    .selectFrom('audit_event')
    .select(['action', 'actor_login'])
    .where('action', '=', 'import')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.actor_login),
    [planning.login],
  );
});

test('an editor cannot import a table of a department that is not its own', {
  skip: !seed && 'no seed',
}, async () => {
  const posted = await upload(editor, 'ueda.txt', seed ?? new Uint8Array());
  const previewUrl = posted.headers.get('location') ?? '';
  const html = await (await app.request(previewUrl, { headers: { cookie: editor.cookie } })).text();
  const confirm = await app.request(previewUrl, {
    method: 'POST',
    headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(html), department: '新しい部', planYear: '2022' }).toString(),
  });
  assert.equal(confirm.status, 403);
});

test('a file that is not a 一覧表 is refused with its name and line, and nothing waits', async () => {
  const before = await db.kysely.selectFrom('pending_import').select('id').execute();
  const res = await upload(planning, 'memo.txt', new TextEncoder().encode('会議メモ\n来週の予定\n'));
  assert.equal(res.status, 422);
  assert.match(await res.text(), /memo\.txt \d+行目/);
  assert.equal((await db.kysely.selectFrom('pending_import').select('id').execute()).length, before.length);
});
