import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appendAudit } from '../../domain/audit/audit.repo.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let admin: TestUser;
let viewer: TestUser;
let goalId: number;

before(async () => {
  db = await createTestDb();
  const { municipality } = await importSources(db, [sourceOf(makeDocument({ department: '履歴部' }))], {
    municipality: 'hist',
  });
  const m = await db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', municipality.code)
    .executeTakeFirstOrThrow();
  admin = await makeUser(db.kysely, m.id, 'admin');
  viewer = await makeUser(db.kysely, m.id, 'viewer');
  const goal = await db.kysely
    .selectFrom('goal')
    .select(['id', 'title'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  goalId = goal.id;
  await appendAudit(db.kysely, admin.actor, {
    action: 'goal.update',
    entityType: 'goal',
    entityId: goal.id,
    summary: 'タイトルを変更',
    before: { title: goal.title },
    after: { title: '<script>alert(1)</script>' },
  });
  app = createApp(db);
});
after(async () => {
  await db.destroy();
});

test('a goal history shows before and after, escaped', async () => {
  const res = await app.request(`/staff/history/goal/${goalId}`, { headers: { cookie: viewer.cookie } });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /タイトルを変更/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<script>alert/);
});

test('the city-wide log is for admins only; anonymous visitors are sent to the login form', async () => {
  assert.equal((await app.request('/staff/audit', { headers: { cookie: admin.cookie } })).status, 200);
  assert.equal((await app.request('/staff/audit', { headers: { cookie: viewer.cookie } })).status, 403);
  const anonymous = await app.request('/staff/audit');
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=%2Fstaff%2Faudit/);
});
