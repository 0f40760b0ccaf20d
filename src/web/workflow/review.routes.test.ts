import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Phase } from '../../db/schema.ts';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { copyPlanToNextYear, editItem, startYearEndReport } from '../../domain/goals/goal-edit.service.ts';
import { transition } from '../../domain/workflow/transition.service.ts';
import { type Who, type WorkflowFixture, workflowFixture } from '../../domain/workflow/workflow.testkit.ts';
import { openFiscalYear } from '../../domain/workflow/year.service.ts';
import { createApp } from '../app.tsx';

let f: WorkflowFixture;
let app: ReturnType<typeof createApp>;
const YEAR = 2027;

before(async () => {
  f = await workflowFixture();
  app = createApp(f.db.kysely);
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: YEAR });
  await copyPlanToNextYear(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: YEAR - 1 });
});
after(async () => {
  await f.db.destroy();
});

/** A signed-in browser that only reads pages. */
async function signIn(login: string) {
  let cookie = '';
  const login1 = await app.request('/login');
  const take = (res: Response) => {
    const set = res.headers.getSetCookie().map((l) => l.split(';')[0] ?? '');
    if (set.length > 0) cookie = set.join('; ');
  };
  take(login1);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login1.text())?.[1] ?? '';
  const res = await app.request('/login', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, login, password: 'password-1234' }).toString(),
  });
  assert.equal(res.status, 303, `${login} signs in`);
  take(res);
  return async (path: string) => {
    const page = await app.request(path, { headers: { cookie } });
    return { status: page.status, html: await page.text() };
  };
}

async function move(who: Who, phase: Phase, action: 'submit' | 'return' | 'approve', comment?: string) {
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, YEAR)) ?? -1;
  const row = await f.db.kysely
    .selectFrom('phase_status')
    .select('version')
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy)
    .where('phase', '=', phase)
    .executeTakeFirstOrThrow();
  await transition(f.db.kysely, f.actors[who], {
    departmentId: f.own,
    year: YEAR,
    phase,
    action,
    version: row.version,
    comment,
  });
}

const review = (phase: Phase, year = YEAR) => `/staff/review/${f.own}/${year}/${phase}`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test('the approver card links to the review, which shows the submitted text as it will be published', async () => {
  await move('editorOwn', 'goal_setting', 'submit');
  const approver = await signIn('approverown');
  const panel = await approver(`/staff/workflow/${f.own}/${YEAR}`);
  assert.match(panel.html, new RegExp(`href="${escapeRe(review('goal_setting'))}"`));
  const page = await approver(review('goal_setting'));
  assert.equal(page.status, 200);
  assert.match(page.html, /公表される内容/);
  assert.match(page.html, /<table class="ichiran">/, 'the public 一覧表 component renders it');
  assert.match(page.html, /取組項目1の内容/);
  assert.match(page.html, /年度末まで <br\/>・説明会 10回以上/);
  assert.match(page.html, /令和8年度（2026年度）の目標からの変更/);
  assert.match(page.html, /文言の変更はありません/, 'a copied plan has not changed yet');
  assert.doesNotMatch(page.html, /差し戻した版からの変更/, 'never returned: no such section');

  const inbox = await approver('/staff/inbox');
  assert.match(
    inbox.html,
    new RegExp(`href="${escapeRe(review('goal_setting'))}"`),
    'the inbox card links too',
  );
});

test('after 差し戻し the editor sees the comment; the resubmission shows the changed words', async () => {
  await move('approverOwn', 'goal_setting', 'return', '説明会の<b>対象</b>を書いてください');
  const editor = await signIn('editorown');
  const edit = await editor(`/staff/edit/${f.own}/${YEAR}/plan`);
  assert.equal(edit.status, 200);
  assert.match(edit.html, /差し戻されました/);
  assert.match(edit.html, /説明会の&lt;b&gt;対象&lt;\/b&gt;を書いてください/, 'the comment, escaped');

  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, YEAR)) ?? -1;
  const item = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['item.id', 'item.version', 'item.target'])
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy)
    .where('goal.block', '=', 'plan')
    .where('goal.no', '=', 1)
    .where('item.no', '=', 1)
    .executeTakeFirstOrThrow();
  await editItem(f.db.kysely, f.actors.editorOwn, {
    itemId: item.id,
    version: item.version,
    no: 1,
    unit: null,
    text: '市民向けの取組項目1の内容',
    note: item.target ?? '',
  });
  await move('editorOwn', 'goal_setting', 'submit');

  const approver = await signIn('approverown');
  const page = await approver(review('goal_setting'));
  assert.equal(page.status, 200);
  assert.match(page.html, /差し戻した版からの変更/);
  assert.match(page.html, /説明会の&lt;b&gt;対象&lt;\/b&gt;を書いてください/);
  assert.match(page.html, /<ins><span class="visually-hidden">［追加］<\/span>市民向けの<span/);
  assert.match(page.html, /取組項目1 <span class="review-tag">変更<\/span>/);
  assert.doesNotMatch(page.html, /<del>/, 'nothing was removed');
  assert.doesNotMatch(
    (await editor(`/staff/edit/${f.own}/${YEAR}/plan`)).html,
    /差し戻されました/,
    'once resubmitted, the return is no longer pending',
  );
});

test('a 中間報告 review lists each plan item with its progress, blank ones marked', async () => {
  const page = await (await signIn('approverown'))(review('interim'));
  assert.equal(page.status, 200);
  assert.match(page.html, /<th scope="col">進捗（中間報告）<\/th>/);
  assert.match(page.html, /<td>1\. 市民向けの取組項目1の内容<\/td><td>（未入力）<\/td>/);
  assert.doesNotMatch(page.html, /class="ichiran"/, 'the interim report is not part of the 一覧表');
});

test('only those who may approve, accept, publish or edit the department see the review', async () => {
  for (const who of ['editorother', 'approverother', 'viewer', 'admin']) {
    const page = await (await signIn(who))(review('goal_setting'));
    assert.equal(page.status, 403, `${who} is refused`);
    assert.doesNotMatch(page.html, /取組項目1の内容/);
  }
  for (const who of ['planning', 'editorown', 'approverown']) {
    assert.equal((await (await signIn(who))(review('goal_setting'))).status, 200, `${who} may read`);
  }
  const anonymous = await app.request(review('goal_setting'));
  assert.equal(anonymous.status, 302);
  const viewerPanel = await (await signIn('viewer'))(`/staff/workflow/${f.own}/${YEAR}`);
  assert.doesNotMatch(viewerPanel.html, /staff\/review\//, 'no link where the page would refuse');
});

test('a 期末報告 review shows each target beside its result and computed grade', async () => {
  const year = YEAR - 1;
  await startYearEndReport(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year });
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, year)) ?? -1;
  const item = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['item.id', 'item.version', 'item.text'])
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy)
    .where('goal.block', '=', 'review')
    .where('goal.no', '=', 1)
    .where('item.no', '=', 1)
    .executeTakeFirstOrThrow();
  await editItem(f.db.kysely, f.actors.editorOwn, {
    itemId: item.id,
    version: item.version,
    no: 1,
    unit: null,
    text: item.text,
    note: '説明会を12回開催',
  });
  const page = await (await signIn('planning'))(review('final', year));
  assert.equal(page.status, 200);
  assert.match(page.html, /数値目標と実績・評価/);
  assert.match(page.html, /<td>10回以上<\/td><td>12回<\/td><td>120\.0%<\/td><td>達成<\/td>/);
  assert.match(page.html, /<td>0人以下<\/td><td>未報告<\/td>/, 'a target without a result says so');
  assert.match(page.html, /説明会を12回開催/, 'the block as it will be published');
});

test('a published 期末報告 withdrawn by planning shows its comment where the editor fixes it', async () => {
  const year = 2025;
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, year)) ?? -1;
  const row = await f.db.kysely
    .selectFrom('phase_status')
    .select('version')
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy)
    .where('phase', '=', 'final')
    .executeTakeFirstOrThrow();
  await transition(f.db.kysely, f.actors.planning, {
    departmentId: f.own,
    year,
    phase: 'final',
    action: 'return',
    version: row.version,
    comment: '達成状況に実績の数値を書いてください',
  });
  const editor = await signIn('editorown');
  for (const path of [`/staff/workflow/${f.own}/${year}/final`, `/staff/edit/${f.own}/${year}/review`]) {
    const page = await editor(path);
    assert.equal(page.status, 200, path);
    assert.match(page.html, /差し戻されました/, path);
    assert.match(page.html, /達成状況に実績の数値を書いてください/, path);
    assert.match(page.html, new RegExp(`href="${escapeRe(review('final', year))}"`), path);
  }
  const other = await (await signIn('editorown'))(`/staff/edit/${f.own}/2026/review`);
  assert.doesNotMatch(other.html, /差し戻されました/, 'another year has no such comment');
  const snapshots = await f.db.kysely
    .selectFrom('phase_snapshot')
    .select(['phase', 'content'])
    .where('fiscal_year_id', '=', fy)
    .execute();
  assert.equal(snapshots.length, 1, 'the returned version was kept');
  assert.match(snapshots[0]?.content ?? '', /説明会を12回開催（参加者 340人）/);
});

test('a 期末報告 review of a year without planned goals says there are no targets', async () => {
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2028 });
  const page = await (await signIn('planning'))(review('final', 2028));
  assert.equal(page.status, 200);
  assert.match(page.html, /この年度の数値目標はありません/);
});
