import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type WorkflowFixture, workflowFixture } from '../../domain/workflow/workflow.testkit.ts';
import { createApp } from '../app.tsx';

let f: WorkflowFixture;
let app: ReturnType<typeof createApp>;
const YEAR = 2027;

before(async () => {
  f = await workflowFixture();
  app = createApp(f.db.kysely);
});
after(async () => {
  await f.db.destroy();
});

/** One signed-in browser: cookies, the CSRF token of the last page, form posts. */
async function signIn(login: string) {
  const cookies = new Map<string, string>();
  const take = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [name, value] = (line.split(';')[0] ?? '').split('=');
      if (name) cookies.set(name, value ?? '');
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let csrf = '';
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { cookie: header() } });
    take(res);
    const html = await res.text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, html, location: res.headers.get('location') };
  };
  const post = async (path: string, body: Record<string, string>, token = csrf) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, ...body }).toString(),
    });
    take(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };
  await get('/login');
  const res = await post('/login', { login, password: 'password-1234' });
  assert.equal(res.status, 303, `${login} signs in`);
  return { get, post };
}

const versionOf = (html: string, phase: string) =>
  new RegExp(`action="/staff/workflow/\\d+/${YEAR}/${phase}"[^]*?name="version" value="(\\d+)"`).exec(
    html,
  )?.[1] ?? '';

test('anonymous visitors are sent to the login form', async () => {
  const res = await app.request(`/staff/workflow/${f.own}/${YEAR}`);
  assert.equal(res.status, 302);
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=/);
});

test('planning opens the year from the matrix; editor submits; approver returns with a comment', async () => {
  const planning = await signIn('planning');
  assert.match(
    (await planning.get(`/staff/workflow/matrix/${YEAR}`)).html,
    /この年度はまだ開始されていません/,
  );
  const opened = await planning.post(`/staff/workflow/matrix/${YEAR}/open`, {
    due_goal_setting: '2027-05-31',
    due_interim: '2027-10-31',
    due_final: '2028-04-30',
  });
  assert.equal(opened.status, 303);
  const matrix = await planning.get(`/staff/workflow/matrix/${YEAR}`);
  assert.equal(
    (matrix.html.match(/class="status status--draft">作成中/g) ?? []).length,
    6,
    'three drafts for each of two departments',
  );

  const editor = await signIn('editorown');
  const panel = `/staff/workflow/${f.own}/${YEAR}`;
  const page = await editor.get(panel);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /承認する/, 'an editor sees no approve button');
  const submitted = await editor.post(`${panel}/goal_setting`, {
    action: 'submit',
    version: versionOf(page.html, 'goal_setting'),
  });
  assert.equal(submitted.status, 303);
  assert.match((await editor.get(submitted.location ?? '')).html, /提出しました/);
  assert.equal(
    (await editor.post(`${panel}/goal_setting`, { action: 'submit', version: '1' }, 'forged')).status,
    403,
  );

  const approver = await signIn('approverown');
  const seen = await approver.get(panel);
  assert.match(seen.html, /承認する（部局長）/);
  const version = versionOf(seen.html, 'goal_setting');
  const noComment = await approver.post(`${panel}/goal_setting`, { action: 'return', version, comment: ' ' });
  assert.equal(noComment.status, 400);
  assert.match(noComment.html, /差し戻しには理由（コメント）が必要です/);
  const stale = await approver.post(`${panel}/goal_setting`, {
    action: 'approve',
    version: String(Number(version) - 1),
  });
  assert.equal(stale.status, 409);
  const returned = await approver.post(`${panel}/goal_setting`, {
    action: 'return',
    version,
    comment: '<b>指標</b>を追加してください',
  });
  assert.equal(returned.status, 303);

  const inbox = await editor.get('/staff/inbox');
  assert.match(inbox.html, /差し戻されました。コメント: &lt;b&gt;指標&lt;\/b&gt;を追加してください/);
  assert.match(inbox.html, /未読/);
  const again = await editor.get(panel);
  assert.match(
    again.html,
    /&lt;b&gt;指標&lt;\/b&gt;を追加してください/,
    'the comment is in the history, escaped',
  );
  assert.match(again.html, /提出する/, 'a returned phase can be submitted again');
  const id = /\/staff\/inbox\/(\d+)\/read/.exec(inbox.html)?.[1] ?? '';
  assert.equal((await editor.post(`/staff/inbox/${id}/read`, {})).status, 303);
  assert.doesNotMatch((await editor.get('/staff/inbox')).html, /\/staff\/inbox\/\d+\/read/);
});

test('department staff cannot open another department’s panel; overdue phases say 期限超過', async () => {
  const other = await signIn('editorother');
  assert.equal((await other.get(`/staff/workflow/${f.own}/${YEAR}`)).status, 403);
  const planning = await signIn('planning');
  await planning.get(`/staff/workflow/matrix/${YEAR}`);
  const moved = await planning.post(`/staff/workflow/matrix/${YEAR}/deadlines`, {
    due_goal_setting: '2020-05-31',
    due_interim: '2027-10-31',
    due_final: '2028-04-30',
  });
  assert.equal(moved.status, 303);
  const matrix = await planning.get(`/staff/workflow/matrix/${YEAR}`);
  assert.equal((matrix.html.match(/<strong class="overdue">期限超過<\/strong>/g) ?? []).length, 2);
  const viewer = await signIn('viewer');
  assert.equal((await viewer.post(`/staff/workflow/matrix/${YEAR}/open`, {})).status, 403);
});

test('the chain page: planning saves 課長 → 部長 → 企画 → 市長; an editor only reads it', async () => {
  const planning = await signIn('planning');
  await planning.get('/staff/workflow/chain');
  const saved = await planning.post('/staff/workflow/chain', {
    name_0: '課長',
    stage_0: 'department',
    name_1: '部長',
    stage_1: 'department',
    name_2: '企画',
    stage_2: 'planning',
    name_3: '市長',
    stage_3: 'extra',
  });
  assert.equal(saved.status, 303);
  assert.match((await planning.get('/staff/workflow/chain')).html, /市長（公表前の決裁/);
  const bad = await planning.post('/staff/workflow/chain', { name_0: '市長', stage_0: 'extra' });
  assert.equal(bad.status, 400);
  const editor = await signIn('editorown');
  const page = await editor.get('/staff/workflow/chain');
  assert.doesNotMatch(page.html, /承認経路を保存する/);
  assert.equal(
    (await editor.post('/staff/workflow/chain', { name_0: 'x', stage_0: 'department' })).status,
    403,
  );
});
