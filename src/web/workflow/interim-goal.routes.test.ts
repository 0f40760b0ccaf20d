import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { startYearEndReport } from '../../domain/goals/goal-edit.service.ts';
import { loadInterim } from '../../domain/workflow/interim.repo.ts';
import { type WorkflowFixture, workflowFixture } from '../../domain/workflow/workflow.testkit.ts';
import { openFiscalYear } from '../../domain/workflow/year.service.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let f: WorkflowFixture;
let app: ReturnType<typeof createApp>;
let user: TestUser;
let fy = 0;
let goalId = 0;
let items: Array<{ id: number; target: string | null }> = [];

before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2026 });
  fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2026)) ?? -1;
  const goal = await f.db.kysely
    .selectFrom('goal')
    .select('id')
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy)
    .where('block', '=', 'plan')
    .orderBy('position')
    .executeTakeFirstOrThrow();
  goalId = goal.id;
  items = await f.db.kysely
    .selectFrom('item')
    .select(['id', 'target'])
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .execute();
  app = createApp(f.db.kysely);
  user = await makeUser(f.db.kysely, f.municipalityId, 'editor', f.own);
});
after(() => f.db.destroy());

const page = () => `/staff/workflow/${f.own}/2026/interim`;
const get = (path: string) => app.request(path, { headers: { cookie: user.cookie } });
async function post(path: string, body: Record<string, string>) {
  const csrf = csrfFrom(await (await get(page())).text());
  return app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, ...body }).toString(),
  });
}

function body(texts: string[], versions: number[]): Record<string, string> {
  const form: Record<string, string> = {};
  items.forEach((item, i) => {
    form[`progress-${item.id}-version`] = String(versions[i] ?? 0);
    form[`progress-${item.id}-text`] = texts[i] ?? '';
  });
  return form;
}

test('the 中間報告 is one form per goal; each progress field shows the target it answers above it', async () => {
  assert.ok(items.length >= 2);
  const html = await (await get(page())).text();
  assert.match(html, new RegExp(`<form method="post" action="${page()}/goals/${goalId}"`));
  const first = items[0];
  assert.ok(first?.target);
  const field = html.indexOf(`<textarea id="progress-${first.id}"`);
  const target = html.indexOf(`id="progress-${first.id}-target"`);
  assert.ok(target > 0 && target < field, 'the target comes before the field');
  assert.ok(html.slice(target, field).includes(first.target.split('\n')[0] ?? '-'), 'it is the plan target');
  assert.match(html, new RegExp(`aria-describedby="progress-${first.id}-target"`));
  assert.match(html, /<script src="\/assets\/unsaved-guard\.js" defer=""><\/script>/);
});

test('one 保存 stores every item of the goal and lands at the goal with a notice', async () => {
  const res = await post(`${page()}/goals/${goalId}`, body(['一つ目の進捗 3回', '二つ目の進捗'], [0, 0]));
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.equal(location, `${page()}?saved=goal-${goalId}#goal-${goalId}`);
  const stored = await loadInterim(f.db.kysely, f.own, fy);
  assert.equal(stored.get(items[0]?.id ?? -1)?.text, '一つ目の進捗 3回');
  assert.equal(stored.get(items[1]?.id ?? -1)?.text, '二つ目の進捗');
  const html = await (await get(location.replace(/#.*/, ''))).text();
  const section = html.slice(html.indexOf(`<section class="report-goal" id="goal-${goalId}"`));
  assert.match(section.slice(0, 800), /この重点目標の入力を保存しました。/);
});

test('a stale item keeps every input, saves nothing and shows the stored text', async () => {
  const before = await loadInterim(f.db.kysely, f.own, fy);
  const res = await post(`${page()}/goals/${goalId}`, body(['私の一つ目', '私の二つ目'], [1, 0]));
  assert.equal(res.status, 409);
  const html = await res.text();
  assert.deepEqual(await loadInterim(f.db.kysely, f.own, fy), before);
  assert.match(html, /他の人が先に保存しました。上書きしないよう、何も保存していません。/);
  assert.match(html, /私の一つ目<\/textarea>/);
  assert.match(html, /私の二つ目<\/textarea>/);
  assert.match(html, /現在保存されている進捗: 二つ目の進捗/);
  assert.match(html, new RegExp(`name="progress-${items[1]?.id}-version" value="1"`), 'a resave can land');
});

test('a too long text is named at its field; nothing is saved', async () => {
  const before = await loadInterim(f.db.kysely, f.own, fy);
  const res = await post(`${page()}/goals/${goalId}`, body(['変えた一つ目', 'あ'.repeat(2001)], [1, 1]));
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.deepEqual(await loadInterim(f.db.kysely, f.own, fy), before);
  assert.match(
    html,
    new RegExp(`id="progress-${items[1]?.id}-error">進捗は2000文字以内で入力してください。`),
  );
  assert.match(html, /変えた一つ目<\/textarea>/);
});

test('the final report shows the target each 達成状況 answers', async () => {
  const editor = f.actors.editorOwn;
  await startYearEndReport(f.db.kysely, editor, { departmentId: f.own, year: 2026 });
  const final = `/staff/workflow/${f.own}/2026/final`;
  const html = await (await get(final)).text();
  const first = items[0];
  assert.ok(first?.target);
  const at = html.indexOf('class="answers-target"');
  assert.ok(at > 0, 'a target is shown');
  assert.ok(html.slice(at, at + 600).includes(first.target.split('\n')[0] ?? '-'));
  assert.match(html.slice(at, at + 900), /達成状況: /);
});
