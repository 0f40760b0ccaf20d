import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';

const URL = '/staff/settings/search-variants';
let planning: TestUser;
let editor: TestUser;
const demo = useDemoApp(async ({ db }) => {
  const municipalityId = await demoMunicipalityId(db.kysely);
  planning = await makeUser(db.kysely, municipalityId, 'planning');
  editor = await makeUser(db.kysely, municipalityId, 'editor', await demoDepartmentId(db.kysely, '総務部'));
});

const page = async (user: TestUser) => {
  const res = await demo.app.request(URL, { headers: { cookie: user.cookie } });
  assert.equal(res.status, 200);
  return res.text();
};

async function post(user: TestUser, path: string, fields: Record<string, string>): Promise<Response> {
  const csrf = csrfFrom(
    await (await demo.app.request('/staff', { headers: { cookie: user.cookie } })).text(),
  );
  return demo.app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

const publicHits = async (q: string) => {
  const html = await (await demo.app.request(`/search?q=${encodeURIComponent(q)}`)).text();
  return (html.match(/<mark/g) ?? []).length;
};

test('planning adds a pair in the browser, the public search follows at once, and removes it again', async () => {
  const html = await page(planning);
  assert.ok(html.includes('検索の表記ゆれ') && html.includes('name="_csrf"'));
  assert.equal(await publicHits('ダストボックス'), 0);
  const added = await post(planning, URL, { variant: 'ダストボックス', canonical: 'ごみ' });
  assert.equal(added.status, 303);
  const listed = await (
    await demo.app.request(added.headers.get('location') ?? '', { headers: { cookie: planning.cookie } })
  ).text();
  assert.ok(listed.includes('表記ゆれを追加しました'));
  assert.ok(listed.includes('ダストボックス'));
  assert.ok((await publicHits('ダストボックス')) > 0, 'found without any rebuild');
  const id = /search-variants\/(\d+)\/delete/.exec(listed)?.[1];
  assert.ok(id);
  const removed = await post(planning, `${URL}/${id}/delete`, {});
  assert.equal(removed.status, 303);
  assert.equal(await publicHits('ダストボックス'), 0);
});

test('refusals are Japanese and say what to do; editors may neither add nor see the form', async () => {
  const same = await post(planning, URL, { variant: '寄附', canonical: '寄付' });
  assert.equal(same.status, 409);
  assert.match(await same.text(), /すでに同じ語として検索されます/);
  const short = await post(planning, URL, { variant: '等', canonical: 'など' });
  assert.equal(short.status, 400);
  assert.match(await short.text(), /2文字以上で入力してください/);
  const refused = await post(editor, URL, { variant: 'ダストボックス', canonical: 'ごみ' });
  assert.equal(refused.status, 403);
  const html = await page(editor);
  assert.ok(!html.includes('追加する'));
  assert.ok(html.includes('企画担当と管理者'));
  assert.deepEqual(await demo.db.kysely.selectFrom('search_variant').selectAll().execute(), []);
});

test('without the CSRF token nothing is added', async () => {
  const res = await demo.app.request(URL, {
    method: 'POST',
    headers: { cookie: planning.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ variant: 'ダストボックス', canonical: 'ごみ' }).toString(),
  });
  assert.equal(res.status, 403);
  assert.deepEqual(await demo.db.kysely.selectFrom('search_variant').selectAll().execute(), []);
});
