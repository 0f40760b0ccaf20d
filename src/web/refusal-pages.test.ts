import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureDepartment } from '../domain/departments/department.repo.ts';
import { insertMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { makeDocument } from '../test-support/factories.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { apiCall, csrfFrom, makeUser, type TestUser } from '../test-support/users.ts';
import { createApp } from './app.tsx';

/**
 * Refusals a person meets in the browser (issue 11, item 4): a Japanese sentence saying what they may
 * not do and whom to ask; the English reason stays in the log and the API keeps its code.
 */
let db: TestDb;
let app: ReturnType<typeof createApp>;
let viewer: TestUser;
let editor: TestUser;
let otherDepartment: number;

const JAPANESE_ONLY_TEXT = /may not|FORBIDDEN|import\.run|goal\.edit|\bno such\b/;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'kotowari', name: '断市' });
  const own = await ensureDepartment(db.kysely, m.id, '自分の部');
  otherDepartment = (await ensureDepartment(db.kysely, m.id, '総務部')).id;
  viewer = await makeUser(db.kysely, m.id, 'viewer');
  editor = await makeUser(db.kysely, m.id, 'editor', own.id);
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function postForm(user: TestUser, path: string, fields: Record<string, string>, formPage = '/staff') {
  const page = await app.request(formPage, { headers: { cookie: user.cookie } });
  return app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await page.text()), ...fields }).toString(),
  });
}

/** The sentences of an error page: its title and what it says. */
const sentencesOf = (html: string) =>
  (/<div class="page">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '').replace(/<[^>]*>/g, ' ');

test('a viewer trying an editor action gets a Japanese 403 page that says whom to ask', async () => {
  const res = await postForm(viewer, `/staff/edit/${otherDepartment}/2023/plan/goals`, {
    title: '新しい目標',
  });
  assert.equal(res.status, 403);
  const page = sentencesOf(await res.text());
  assert.match(page, /閲覧者のアカウントでは、内容を見ることはできますが変更はできません。/);
  assert.match(page, /依頼してください。/);
  assert.doesNotMatch(page, JAPANESE_ONLY_TEXT);
});

test("an editor confirming another department's table after the full preview is told so in Japanese", async () => {
  const form = await app.request('/staff/import', { headers: { cookie: editor.cookie } });
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  const json = JSON.stringify(makeDocument({ department: '総務部' }));
  body.set('file', new File([json], 'soumu.json', { type: 'application/json' }));
  const staged = await app.request('/staff/import', {
    method: 'POST',
    body,
    headers: { cookie: editor.cookie },
  });
  assert.equal(staged.status, 303);
  const previewUrl = staged.headers.get('location') ?? '';
  const preview = await app.request(previewUrl, { headers: { cookie: editor.cookie } });
  assert.equal(preview.status, 200);
  const res = await postForm(editor, previewUrl, { department: '総務部' }, previewUrl);
  assert.equal(res.status, 403);
  const page = sentencesOf(await res.text());
  // The refusal stays on the preview (the choices kept), as every import refusal does.
  assert.match(page, /保存できませんでした/);
  assert.doesNotMatch(page, /エラーが発生しました|フォームの有効期限/, 'a refusal, not a fault');
  assert.match(
    page,
    /総務部の一覧表の取り込みはできません。あなたの編集担当の権限は、担当する部局についてだけ使えます。必要なときは、総務部の編集担当か企画担当（全庁）か管理者に依頼してください。/,
  );
  assert.doesNotMatch(page, JAPANESE_ONLY_TEXT);
  assert.equal(
    await db.kysely.selectFrom('goal').select('id').executeTakeFirst(),
    undefined,
    'nothing stored',
  );
});

test('an editor editing another department: Japanese on the page, the code FORBIDDEN in the API', async () => {
  const res = await postForm(editor, `/staff/edit/${otherDepartment}/2023/plan/goals`, { title: '目標' });
  assert.equal(res.status, 403);
  const page = sentencesOf(await res.text());
  assert.match(page, /目標・取組の編集はできません。/);
  assert.doesNotMatch(page, JAPANESE_ONLY_TEXT);

  const api = await apiCall(app, editor, 'GET', '/audit');
  assert.equal(api.status, 403);
  const { error } = (await api.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'FORBIDDEN', 'API clients keep matching on the code');
  assert.match(error.message, /全庁の変更履歴の閲覧は、あなたの権限（編集担当）ではできません。/);
});

test('an English message never reaches a page: the page says it in general words', async () => {
  const res = await app.request('/staff/history/goal/987654', { headers: { cookie: viewer.cookie } });
  assert.equal(res.status, 404);
  const page = sentencesOf(await res.text());
  assert.match(page, /ページが見つかりません。/);
  assert.doesNotMatch(page, /[A-Za-z]{3,}/, 'no English words');
});
