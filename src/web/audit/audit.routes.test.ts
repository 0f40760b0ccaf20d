import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appendAudit } from '../../domain/audit/audit.repo.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { setDisplayName } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let admin: TestUser;
let viewer: TestUser;
let goalId: number;
let departmentId: number;
const longText = `${'長い取組内容の文章です。'.repeat(20)}最後の一文。`;

before(async () => {
  db = await createTestDb();
  const { municipality } = await importSources(
    db.kysely,
    [sourceOf(makeDocument({ department: '履歴部' }))],
    {
      municipality: 'hist',
    },
  );
  const m = await db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', municipality.code)
    .executeTakeFirstOrThrow();
  admin = await makeUser(db.kysely, m.id, 'admin');
  viewer = await makeUser(db.kysely, m.id, 'viewer');
  await setDisplayName(db.kysely, admin.actor.userId, '監査 花子');
  const goal = await db.kysely
    .selectFrom('goal')
    .select(['id', 'title', 'department_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  goalId = goal.id;
  departmentId = goal.department_id;
  await appendAudit(db.kysely, admin.actor, {
    action: 'goal.update',
    entityType: 'goal',
    entityId: goal.id,
    departmentId,
    summary: 'goal 1 of 2023 plan retitled',
    before: { id: goal.id, no: 1, position: 1, title: goal.title, version: 1 },
    after: { id: goal.id, no: 1, position: 1, title: '<script>alert(1)</script>', version: 2 },
  });
  await appendAudit(db.kysely, admin.actor, {
    action: 'item.update',
    entityType: 'item',
    entityId: 1,
    departmentId,
    goalId,
    summary: 'item 2 of goal 1 (2023 plan) edited',
    before: {
      no: 2,
      text: '短い',
      quantities: [{ id: 1, kind: 'target', value: 10, unit: '件', comparator: '>=' }],
    },
    after: {
      no: 2,
      text: longText,
      quantities: [{ id: 1, kind: 'target', value: 12, unit: '件', comparator: '>=' }],
    },
  });
  await appendAudit(db.kysely, admin.actor, {
    action: 'workflow.publish',
    entityType: 'phase_status',
    departmentId,
    summary: 'goal_setting 2023: publish accepted → published',
    before: { status: 'accepted', version: 4 },
    after: { status: 'published', version: 5 },
  });
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

/** The list of events: the part of the page made from stored data. */
const listOf = (html: string) => /<ol class="audit-list">[\s\S]*<\/ol>/.exec(html)?.[0] ?? '';

test('a goal history shows what changed in words, escaped, by the display name', async () => {
  const res = await app.request(`/staff/history/goal/${goalId}`, { headers: { cookie: viewer.cookie } });
  assert.equal(res.status, 200);
  const list = listOf(await res.text());
  assert.match(list, /目標の変更/);
  assert.match(list, /<dt>目標<\/dt>/, 'the field by its Japanese name');
  assert.match(list, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(list, /<script>alert/);
  assert.match(list, /監査 花子/);
  assert.match(list, /2023年度 目標/, 'the block read back from the stored summary');
  assert.doesNotMatch(list, /version|position|retitled/, 'no bookkeeping, no English summary');
});

test('the city log: actions in Japanese, display names, readable before/after, no JSON, no codes', async () => {
  const res = await app.request('/staff/audit', { headers: { cookie: admin.cookie } });
  assert.equal(res.status, 200);
  const list = listOf(await res.text());
  assert.ok(list.length > 0, 'the list is on the page');
  for (const words of [
    '監査 花子',
    '一覧表の取り込み',
    'システム管理者（コマンド操作）',
    '目標の変更',
    '取組の変更',
    '公表',
    '履歴部',
    '2023年度 目標設定',
    '公表済み',
    '企画受理済み（公表待ち）',
    '10件以上',
    '12件以上',
  ]) {
    assert.ok(list.includes(words), `shows ${words}`);
  }
  assert.match(list, /追加 \d+件・変更 \d+件・削除 \d+件/, 'the import counts in words');
  assert.doesNotMatch(list, /[{}]/, 'no JSON');
  assert.doesNotMatch(list, /workflow\.|goal\.update|item\.update|\bimport\b|imported|added/);
  const actors = [...list.matchAll(/<span class="audit-actor">([^<]*)<\/span>/g)].map((m) => m[1]);
  assert.ok(actors.includes('監査 花子'), 'the display name names who acted');
  assert.ok(!actors.includes(admin.login), 'never the login id');
  // The long text is shortened, and the whole of it is one click away.
  assert.match(list, /全文を表示（\d+文字）/);
  assert.ok(list.includes('最後の一文。'), 'the full text is on the page, folded');
  const shown = /<span class="audit-after">変更後: <span class="audit-value">([^<]*)/.exec(
    list.slice(list.indexOf('取組内容')),
  )?.[1];
  assert.ok(shown?.endsWith('…') && !shown.includes('最後の一文'), `shortened: ${shown}`);
});

test('the city-wide log is for admins only, refused in Japanese; anonymous visitors are sent to the login form', async () => {
  assert.equal((await app.request('/staff/audit', { headers: { cookie: admin.cookie } })).status, 200);
  const refused = await app.request('/staff/audit', { headers: { cookie: viewer.cookie } });
  assert.equal(refused.status, 403);
  const html = await refused.text();
  assert.match(
    html,
    /全庁の変更履歴の閲覧は、あなたの権限（閲覧者）ではできません。必要なときは、管理者に依頼してください。/,
  );
  assert.doesNotMatch(html, /may not|audit\.readAll/);
  const anonymous = await app.request('/staff/audit');
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=%2Fstaff%2Faudit/);
});
