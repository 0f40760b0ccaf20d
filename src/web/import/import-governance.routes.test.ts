import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureDepartment } from '../../domain/departments/department.repo.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;
let admin: TestUser;
let editor: TestUser;
const OWN = '自分の部';

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'gov', name: '統制市' });
  const own = await ensureDepartment(db.kysely, m.id, OWN);
  planning = await makeUser(db.kysely, m.id, 'planning');
  admin = await makeUser(db.kysely, m.id, 'admin');
  editor = await makeUser(db.kysely, m.id, 'editor', own.id);
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

/** Uploads a table and returns the preview's address and page. */
async function preview(user: TestUser, department: string, planYear: number) {
  const form = await app.request('/staff/import', { headers: { cookie: user.cookie } });
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  const json = JSON.stringify(makeDocument({ department, planYear }));
  body.set('file', new File([json], `${department}.json`, { type: 'application/json' }));
  const posted = await app.request('/staff/import', {
    method: 'POST',
    body,
    headers: { cookie: user.cookie },
  });
  assert.equal(posted.status, 303, await posted.text());
  const url = posted.headers.get('location') ?? '';
  const page = await app.request(url, { headers: { cookie: user.cookie } });
  return { url, html: await page.text() };
}

async function confirm(user: TestUser, url: string, html: string, fields: Record<string, string>) {
  return app.request(url, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(html), ...fields }).toString(),
  });
}

async function states(department: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('phase_status')
    .innerJoin('department', 'department.id', 'phase_status.department_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select(['fiscal_year.year', 'phase_status.phase', 'phase_status.status'])
    .where('department.name', '=', department)
    .orderBy('fiscal_year.year')
    .execute();
  return rows.map((r) => `${r.phase} ${r.year} ${r.status}`);
}

const goals = async () => (await db.kysely.selectFrom('goal').select('id').execute()).length;

test('the published choice is offered to planning and admin only; an editor’s import is a draft', async () => {
  const mine = await preview(editor, OWN, 2024);
  assert.doesNotMatch(mine.html, /name="published"/);
  assert.match(mine.html, /作成中/);
  for (const user of [planning, admin]) {
    assert.match((await preview(user, '確認部', 2024)).html, /name="published"/);
  }
  const stored = await confirm(editor, mine.url, mine.html, { department: OWN, planYear: '2024' });
  assert.equal(stored.status, 200);
  assert.match(await stored.text(), /作成中として保存しました/);
  assert.deepEqual(await states(OWN), ['final 2023 draft', 'goal_setting 2024 draft']);
});

test('an editor who forges the published choice is refused on the preview, values kept, nothing written', async () => {
  const mine = await preview(editor, OWN, 2022);
  const before = await goals();
  const refused = await confirm(editor, mine.url, mine.html, {
    department: OWN,
    planYear: '2022',
    published: 'on',
  });
  assert.equal(refused.status, 403);
  const html = await refused.text();
  assert.match(html, /role="alert"/);
  assert.match(html, /公表済みとして取り込めるのは企画担当と管理者だけです/);
  assert.match(html, /value="2022"/);
  assert.equal(await goals(), before);
});

test('planning loads history as published, audited', async () => {
  const page = await preview(planning, '履歴部', 2021);
  const stored = await confirm(planning, page.url, page.html, {
    department: '履歴部',
    planYear: '2021',
    published: 'on',
  });
  assert.equal(stored.status, 200);
  assert.match(await stored.text(), /公表済みとして保存しました/);
  assert.deepEqual(await states('履歴部'), ['final 2020 published', 'goal_setting 2021 published']);
  const audit = await db.kysely
    .selectFrom('audit_event')
    .select('actor_login')
    .where('action', '=', 'import.published')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.actor_login),
    [planning.login],
  );
});

test('a draft import over a published block is refused on the preview, naming the block', async () => {
  const page = await preview(planning, '履歴部', 2021);
  const before = await goals();
  const refused = await confirm(planning, page.url, page.html, { department: '履歴部', planYear: '2021' });
  assert.equal(refused.status, 423);
  const html = await refused.text();
  assert.match(html, /履歴部 令和3年度（2021年度）の目標設定は「公表済み」です/);
  assert.equal(await goals(), before);
});

test('a plan year too far ahead asks for the year checkbox; with it the import is stored', async () => {
  const far = fiscalYearOf(new Date()) + 3;
  const page = await preview(planning, '未来部', far);
  assert.match(page.html, /name="allowYear"/, 'the parsed year is already implausible: ask at once');
  const typo = await preview(planning, '誤記部', 2024);
  assert.doesNotMatch(typo.html, /name="allowYear"/);
  const refused = await confirm(planning, typo.url, typo.html, { department: '誤記部', planYear: '2094' });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(html, /2094年度/);
  assert.match(html, /name="allowYear"/);
  assert.match(html, /value="2094"/);
  assert.match(html, /value="誤記部"/);
  const stored = await confirm(planning, typo.url, html, {
    department: '誤記部',
    planYear: '2094',
    allowYear: 'on',
  });
  assert.equal(stored.status, 200);
  assert.deepEqual(await states('誤記部'), ['final 2093 draft', 'goal_setting 2094 draft']);
});
