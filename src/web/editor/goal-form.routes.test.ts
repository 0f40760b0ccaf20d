import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { copyPlanToNextYear, editGoal, startYearEndReport } from '../../domain/goals/goal-edit.service.ts';
import { type EditFixture, editFixture } from '../../domain/goals/goal-edit.testkit.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let f: EditFixture;
let app: ReturnType<typeof createApp>;
let user: TestUser;
let goalId: number;

before(async () => {
  f = await editFixture();
  const copy = await copyPlanToNextYear(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 });
  goalId = copy.goals[0]?.id ?? -1;
  app = createApp(f.db.kysely);
  user = await makeUser(f.db.kysely, f.municipalityId, 'editor', f.departmentId);
});
after(() => f.db.destroy());

const block = (kind = 'plan') => `/staff/edit/${f.departmentId}/2024/${kind}`;
const get = (path: string) => app.request(path, { headers: { cookie: user.cookie } });
async function post(path: string, body: Record<string, string>) {
  const csrf = csrfFrom(await (await get(block())).text());
  return app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, ...body }).toString(),
  });
}

async function stored() {
  const goal = await f.db.kysely
    .selectFrom('goal')
    .select(['title', 'version'])
    .where('id', '=', goalId)
    .executeTakeFirstOrThrow();
  const items = await f.db.kysely
    .selectFrom('item')
    .select(['id', 'no', 'text', 'target', 'unit_id', 'version'])
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .execute();
  return { goal, items };
}

/** The goal's one form as the page posts it: title, then every item's fields and version. */
async function formBody(change: { title?: string; item?: number; text?: string }) {
  const { goal, items } = await stored();
  const body: Record<string, string> = {
    version: String(goal.version),
    [`goal-${goalId}-title`]: change.title ?? goal.title,
  };
  items.forEach((i, index) => {
    body[`item-${i.id}-version`] = String(i.version);
    body[`item-${i.id}-no`] = String(i.no);
    body[`item-${i.id}-unit`] = i.unit_id === null ? '' : String(i.unit_id);
    body[`item-${i.id}-new-unit`] = '';
    body[`item-${i.id}-text`] = index === change.item ? (change.text ?? '') : i.text;
    body[`item-${i.id}-note`] = i.target ?? '';
  });
  return body;
}

test('each goal is one form: items join it by the form attribute, one 保存 per goal', async () => {
  const html = await (await get(block())).text();
  const { items } = await stored();
  assert.ok(items.length >= 2, 'the fixture goal has two items');
  assert.match(
    html,
    new RegExp(`<form method="post" action="${block()}/goals/${goalId}/save"[^>]*id="goal-${goalId}-form"`),
  );
  for (const item of items) {
    assert.match(
      html,
      new RegExp(`id="item-${item.id}-text" name="item-${item.id}-text" form="goal-${goalId}-form"`),
    );
  }
  const saves = html.match(
    new RegExp(`<button type="submit" class="button-primary" form="goal-${goalId}-form"`, 'g'),
  );
  assert.equal(saves?.length, 1, 'exactly one save button for the goal');
  assert.doesNotMatch(html, new RegExp(`action="${block()}/items/\\d+"`), 'no per-item save form is left');
  assert.match(html, /<script src="\/assets\/unsaved-guard\.js" defer=""><\/script>/);
});

test('one 保存 stores the title and item ② together and lands at the goal with a notice', async () => {
  const body = await formBody({ title: '一緒に保存する題', item: 1, text: '一緒に保存する取組②' });
  const res = await post(`${block()}/goals/${goalId}/save`, body);
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.equal(location, `${block()}?saved=goal-${goalId}#goal-${goalId}`);
  const after = await stored();
  assert.equal(after.goal.title, '一緒に保存する題');
  assert.equal(after.items[1]?.text, '一緒に保存する取組②');
  const page = await (await get(location.replace(/#.*/, ''))).text();
  const section = page.slice(page.indexOf(`id="goal-${goalId}"`));
  assert.match(
    section.slice(0, 600),
    /重点目標と取組項目の入力を保存しました。/,
    'the notice sits at the goal',
  );
});

test('an invalid item saves nothing, names the field and keeps every input', async () => {
  const before = await stored();
  const itemId = before.items[1]?.id;
  const body = await formBody({ title: '保存されない題', item: 1, text: '' });
  body[`item-${itemId}-no`] = 'にばん';
  const res = await post(`${block()}/goals/${goalId}/save`, body);
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.deepEqual(await stored(), before, 'nothing was written');
  assert.match(html, /何も保存していません/);
  assert.match(html, /保存されない題<\/textarea>/, 'the typed title is kept');
  assert.match(
    html,
    new RegExp(
      `<p class="field-error" id="item-${itemId}-text-error">具体的な重点取組項目を入力してください。</p>`,
    ),
  );
  assert.match(
    html,
    new RegExp(
      `id="item-${itemId}-text"[^>]*aria-invalid="true" aria-describedby="item-${itemId}-text-error"`,
    ),
  );
  assert.match(html, new RegExp(`id="item-${itemId}-no-error">番号は1〜99の整数で入力してください。`));
  assert.match(html, /value="にばん"/, 'the wrong number is kept as typed');
  assert.match(html, new RegExp(`<a href="#item-${itemId}-text">`), 'the summary links to the field');
});

test('a goal another user saved meanwhile is not overwritten; the input and their title are shown', async () => {
  const body = await formBody({ title: '私の題', item: 0, text: '私の取組①' });
  const before = await stored();
  await editGoal(f.db.kysely, f.as('editor'), { goalId, version: before.goal.version, title: '他の人の題' });
  const res = await post(`${block()}/goals/${goalId}/save`, body);
  assert.equal(res.status, 409);
  const html = await res.text();
  assert.equal((await stored()).goal.title, '他の人の題');
  assert.equal((await stored()).items[0]?.text, before.items[0]?.text);
  assert.match(html, /他の人が先に変更しました。上書きしないよう、何も保存していません。/);
  assert.match(html, /<dd>他の人の題<\/dd>/);
  assert.match(html, /私の題<\/textarea>/);
  assert.match(html, /私の取組①<\/textarea>/);
  assert.match(
    html,
    new RegExp(`name="version" value="${before.goal.version + 1}"`),
    'a deliberate resave can land',
  );
});

test('a review item shows the target its 達成状況 answers, above the field', async () => {
  await startYearEndReport(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2024 });
  const plan = await stored();
  const target = plan.items[0]?.target ?? '';
  assert.notEqual(target, '');
  const html = await (await get(block('review'))).text();
  const at = html.indexOf('class="answers-target"');
  assert.ok(at > 0, 'the target is shown');
  const near = html.slice(at, at + 800);
  assert.ok(near.includes(target.split('\n')[0] ?? ''), near);
  assert.match(near, /<label for="item-\d+-note">達成状況/);
});
