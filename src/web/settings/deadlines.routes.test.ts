import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';

const URL = '/staff/settings/deadlines';
let planning: TestUser;
let admin: TestUser;
let editor: TestUser;
const demo = useDemoApp(async ({ db }) => {
  const municipalityId = await demoMunicipalityId(db.kysely);
  planning = await makeUser(db.kysely, municipalityId, 'planning');
  admin = await makeUser(db.kysely, municipalityId, 'admin');
  editor = await makeUser(db.kysely, municipalityId, 'editor', await demoDepartmentId(db.kysely, '総務部'));
});

const get = (user: TestUser, path: string) => demo.app.request(path, { headers: { cookie: user.cookie } });

async function post(user: TestUser, path: string, fields: Record<string, string>): Promise<Response> {
  const csrf = csrfFrom(await (await get(user, '/staff')).text());
  return demo.app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

const schedule = () =>
  demo.db.kysely
    .selectFrom('phase_deadline')
    .select(['phase', 'due_date', 'opens_on'])
    .orderBy('id')
    .execute();
const audits = () =>
  demo.db.kysely.selectFrom('audit_event').select('id').where('action', '=', 'workflow.schedule').execute();

const valid = {
  year: '2025',
  due_goal_setting: '2025-05-31',
  due_interim: '2025-10-31',
  due_final: '2026-04-30',
  opens_interim: '2025-10-01',
  opens_final: '2026-03-01',
};

test('the matrix counts phases nobody started as 期限超過 once their deadline has passed', async () => {
  // The demo's 2025 has published goals and no 中間報告 or 期末報告: both deadlines lie in the past.
  const html = await (await get(planning, '/staff/workflow/matrix/2025')).text();
  assert.doesNotMatch(html, /期限超過はありません/);
  assert.match(html, /期限超過: 8件/, '4 departments × (中間報告, 期末報告)');
  // A finished demo year reads in order: every phase published, nothing late, no drafts added.
  const done = await (await get(planning, '/staff/workflow/matrix/2024')).text();
  assert.match(done, /期限超過はありません。/);
  assert.equal((done.match(/status--published/g) ?? []).length, 12, '4 departments × 3 phases');
  const history = await (await get(planning, '/staff/workflow/matrix/2022')).text();
  assert.match(history, /期限超過はありません。/, 'a year known only by its review is not late');
});

test('the panel says what must happen before a phase opens, and offers no 提出 until then', async () => {
  const department = await demoDepartmentId(demo.db.kysely, '総務部');
  const html = await (await get(editor, `/staff/workflow/${department}/2025`)).text();
  const final = html.slice(html.indexOf('id="phase-final"'));
  const interim = html.slice(html.indexOf('id="phase-interim"'), html.indexOf('id="phase-final"'));
  assert.match(final, /期末報告・評価は中間報告が企画に受理されてから作成できます。/);
  assert.doesNotMatch(final, /提出する/);
  assert.match(interim, /部局の提出待ち/, 'the 中間報告 is open: its goals are published');
  assert.match(interim, /提出する/);
});

test('only planning and admins see or change the schedule', async () => {
  assert.equal((await get(editor, `${URL}?year=2025`)).status, 403);
  const before = await schedule();
  const refused = await post(editor, URL, valid);
  assert.equal(refused.status, 403);
  assert.deepEqual(await schedule(), before, 'nothing stored');
  const html = await (await get(admin, `${URL}?year=2025`)).text();
  assert.match(html, /中間報告の受付開始日（任意）/);
  assert.doesNotMatch(html, /open-early/, 'early opening is planning’s');
  assert.match(await (await get(planning, `${URL}?year=2025`)).text(), /open-early/);
});

test('every wrong field is named beside it; a valid schedule is stored and audited', async () => {
  const before = await schedule();
  const bad = await post(planning, URL, {
    ...valid,
    due_interim: '2025-04-01',
    opens_final: '2026-05-01',
    due_goal_setting: '2025-02-30',
  });
  assert.equal(bad.status, 400);
  const html = await bad.text();
  assert.match(html, /目標設定の期限を YYYY-MM-DD の形の日付で入力してください。/);
  assert.match(html, /期末報告・評価の受付開始日は期限（2026年4月30日）以前の日付にしてください。/);
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /value="2026-05-01"/, 'what was typed stays');
  assert.deepEqual(await schedule(), before);
  const auditsBefore = (await audits()).length;
  const saved = await post(planning, URL, valid);
  assert.equal(saved.status, 303);
  const stored = (await schedule()).filter(
    (r) => r.due_date.startsWith('2025') || r.due_date === '2026-04-30',
  );
  assert.ok(stored.some((r) => r.phase === 'interim' && r.opens_on === '2025-10-01'));
  assert.equal((await audits()).length, auditsBefore + 1);
  const page = await (await get(planning, saved.headers.get('location') ?? '')).text();
  assert.match(page, /期限と受付開始日を保存しました。/);
});

test('a year not yet opened says where to open it', async () => {
  const html = await (await get(planning, `${URL}?year=2099`)).text();
  assert.match(html, /この年度はまだ開始されていません。/);
  assert.match(html, /href="\/staff\/workflow\/matrix\/2099"/);
});
