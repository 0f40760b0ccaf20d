import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../../domain/auth/actor.ts';
import { createUser } from '../../domain/auth/user.service.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let departmentId: number;
const password = 'editor-password-123';

before(async () => {
  db = await createTestDb();
  await importSources(db.kysely, [sourceOf(makeDocument({ department: 'テスト部' }))], {
    published: true,
    municipality: { code: 'web', name: 'ウェブ市' },
  });
  const m = await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  const system = systemActor(m.id);
  await createUser(db.kysely, system, { login: 'henshu', password, role: 'editor', department: 'テスト部' });
  await createUser(db.kysely, system, { login: 'henshu2', password, role: 'editor', department: 'テスト部' });
  await createUser(db.kysely, system, { login: 'etsuran', password, role: 'viewer' });
  departmentId = (
    await db.kysely
      .selectFrom('department')
      .select('id')
      .where('name', '=', 'テスト部')
      .executeTakeFirstOrThrow()
  ).id;
  app = createApp(db.kysely);
});
after(() => db.destroy());

/** One signed-in browser: cookies, its CSRF token, form posts. */
async function signIn(login: string) {
  const cookies = new Map<string, string>();
  const take = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [name, value] = (line.split(';')[0] ?? '').split('=');
      if (name) cookies.set(name, value ?? '');
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await app.request('/login');
  take(form);
  let csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const post = async (path: string, body: Record<string, string>) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...body }).toString(),
    });
    take(res);
    return res;
  };
  assert.equal((await post('/login', { login, password })).status, 303);
  const get = (path: string) => app.request(path, { headers: { cookie: header() } });
  csrf = /name="_csrf" value="([^"]+)"/.exec(await (await get('/staff')).text())?.[1] ?? '';
  return { get, post };
}

const block = (year: number, kind = 'plan') => `/staff/edit/${departmentId}/${year}/${kind}`;
const firstItem = async () =>
  db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select(['item.id', 'item.version', 'item.text', 'item.target'])
    .where('fiscal_year.year', '=', 2024)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.position')
    .orderBy('item.position')
    .executeTakeFirstOrThrow();

test('anonymous visitors are sent to the login form; the stylesheet is public', async () => {
  const css = await app.request('/assets/editor.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  assert.match(await css.text(), /\.editor-goal \{[\s\S]*\.quantity-table/);
  const res = await app.request('/staff/edit');
  assert.equal(res.status, 302);
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=%2Fstaff%2Fedit/);
});

test('an editor starts next year, saves an item (PRG + flash + anchor), and a stale save keeps the text', async () => {
  const one = await signIn('henshu');
  const list = await (await one.get('/staff/edit')).text();
  assert.match(list, /テスト部/);
  assert.match(list, /この年度から令和6年度の目標を作成/);
  assert.match(
    await (await one.get('/staff')).text(),
    /<a href="\/staff\/edit">目標の編集<\/a>/,
    'on the staff menu',
  );
  const copied = await one.post(`/staff/edit/${departmentId}/2023/copy-next-year`, {});
  assert.equal(copied.status, 303);
  assert.equal(copied.headers.get('location'), `${block(2024)}?copied=block`);
  const again = await one.post(`/staff/edit/${departmentId}/2023/copy-next-year`, {});
  assert.equal(again.status, 409);
  assert.match(await again.text(), /その年度の目標はすでにあります/);

  const item = await firstItem();
  const page = await (await one.get(block(2024))).text();
  assert.match(page, new RegExp(`id="item-${item.id}"`));
  assert.match(page, /href="\/assets\/editor\.css"/);
  assert.match(page, /作成中/);
  const two = await signIn('henshu2');
  const edit = (text: string) => ({
    version: String(item.version),
    no: '1',
    unit: '',
    new_unit: '',
    text,
    note: '説明会 12回以上',
  });
  const saved = await one.post(`${block(2024)}/items/${item.id}`, edit('先に保存した内容'));
  assert.equal(saved.status, 303);
  const location = saved.headers.get('location') ?? '';
  assert.equal(location, `${block(2024)}?saved=item-${item.id}#item-${item.id}`);
  const after = await (await one.get(location.replace(/#.*/, ''))).text();
  assert.match(after, /取組項目を保存しました。/);
  assert.match(after, /<p class="flash" role="status" tabindex="-1" autofocus="">/);

  const stale = await two.post(`${block(2024)}/items/${item.id}`, edit('後から保存した <b>内容</b>'));
  assert.equal(stale.status, 409);
  const html = await stale.text();
  assert.match(html, /他の人が先にこの項目を変更しました。/);
  assert.match(html, /後から保存した &lt;b&gt;内容&lt;\/b&gt;<\/textarea>/, 'their own text kept, escaped');
  assert.match(html, /<dd class="pre">先に保存した内容<\/dd>/, 'the other change shown');
  assert.match(
    html,
    new RegExp(`name="item-${item.id}-version" value="${item.version + 1}"`),
    'a deliberate resave can land',
  );
  assert.equal((await firstItem()).text, '先に保存した内容');
});

test('forms need the CSRF token; viewers read only; published blocks are locked and say why', async () => {
  const item = await firstItem();
  const res = await app.request(`${block(2024)}/items/${item.id}`, { method: 'POST' });
  assert.equal(res.status, 403);
  const viewer = await signIn('etsuran');
  const page = await (await viewer.get(block(2024))).text();
  assert.match(page, /編集する権限がありません/);
  assert.doesNotMatch(page, /name="version"/);
  const refused = await viewer.post(`${block(2024)}/items/${item.id}`, {
    version: String(item.version),
    text: 'x',
    note: '',
    no: '1',
    unit: '',
    new_unit: '',
  });
  assert.equal(refused.status, 403);
  const editor = await signIn('henshu');
  const locked = await (await editor.get(block(2023))).text();
  assert.match(locked, /「公表済み」のため編集できません/);
  assert.doesNotMatch(locked, /name="title"/);
  const post = await editor.post(`${block(2023)}/goals`, { title: '新しい目標' });
  assert.equal(post.status, 423);
  assert.match(await post.text(), /新しい目標<\/textarea>/, 'the typed title is kept for copying');
});

test('deleting asks on a page of its own, then deletes with the confirmed version', async () => {
  const editor = await signIn('henshu');
  const goal = await editor.post(`${block(2024)}/goals`, { title: '消す目標' });
  const goalId = /goal-(\d+)$/.exec(goal.headers.get('location') ?? '')?.[1];
  assert.ok(goalId);
  const confirm = await (await editor.get(`${block(2024)}/goals/${goalId}/delete`)).text();
  assert.match(confirm, /重点目標3を削除しますか？/);
  const version = /name="version" value="(\d+)"/.exec(confirm)?.[1] ?? '';
  const done = await editor.post(`${block(2024)}/goals/${goalId}/delete`, { version });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `${block(2024)}?deleted=goal`);
  const gone = await db.kysely
    .selectFrom('goal')
    .select('id')
    .where('id', '=', Number(goalId))
    .executeTakeFirst();
  assert.equal(gone, undefined);
});

test('a quantity of 400 digits is refused with a Japanese message and nothing is stored (issue 13, defect 6)', async () => {
  const editor = await signIn('henshu');
  const item = await firstItem();
  const count = async () =>
    (
      await db.kysely
        .selectFrom('quantity')
        .select(db.kysely.fn.countAll<string | number>().as('n'))
        .where('item_id', '=', item.id)
        .executeTakeFirstOrThrow()
    ).n;
  const before = await count();
  const res = await editor.post(`${block(2024)}/items/${item.id}/quantities`, {
    item_version: String(item.version),
    value: '9'.repeat(400),
    unit: '件',
    comparator: '=',
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /値が大きすぎるか桁数が多すぎます。/);
  assert.doesNotMatch(html, /Infinity|a quantity must be/);
  assert.equal(String(await count()), String(before));
});
