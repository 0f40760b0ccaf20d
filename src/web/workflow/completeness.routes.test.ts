import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Phase } from '../../db/schema.ts';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { editItem } from '../../domain/goals/item-edit.service.ts';
import { loadInterim } from '../../domain/workflow/interim.repo.ts';
import { transition } from '../../domain/workflow/transition.service.ts';
import { ownCrew, type WorkflowFixture, workflowFixture } from '../../domain/workflow/workflow.testkit.ts';
import { openFiscalYear } from '../../domain/workflow/year.service.ts';
import { fillPhase, openInOrder } from '../../test-support/phase-fill.ts';
import { apiCall, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let f: WorkflowFixture;
let app: ReturnType<typeof createApp>;
let apiEditor: TestUser;

before(async () => {
  f = await workflowFixture();
  app = createApp(f.db.kysely);
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2025 });
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2026 });
  apiEditor = await makeUser(f.db.kysely, f.municipalityId, 'editor', f.own);
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
  const post = async (path: string, body: Record<string, string>) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...body }).toString(),
    });
    take(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };
  await get('/login');
  const res = await post('/login', { login, password: 'password-1234' });
  assert.equal(res.status, 303, `${login} signs in`);
  return { get, post };
}

async function status(year: number, phase: Phase) {
  const fy = await findFiscalYearId(f.db.kysely, f.municipalityId, year);
  return f.db.kysely
    .selectFrom('phase_status')
    .select(['status', 'version'])
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy ?? -1)
    .where('phase', '=', phase)
    .executeTakeFirstOrThrow();
}

async function move(
  who: keyof WorkflowFixture['actors'],
  year: number,
  phase: Phase,
  action: 'submit' | 'approve' | 'accept' | 'return',
) {
  await transition(f.db.kysely, f.actors[who], {
    departmentId: f.own,
    year,
    phase,
    action,
    version: (await status(year, phase)).version,
    comment: action === 'return' ? '記入し直してください' : undefined,
  });
}

async function reviewItems(year: number) {
  const fy = await findFiscalYearId(f.db.kysely, f.municipalityId, year);
  return f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['item.id', 'item.no', 'item.text', 'item.version', 'goal.id as goalId'])
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy ?? -1)
    .where('goal.block', '=', 'review')
    .orderBy('goal.no')
    .orderBy('item.no')
    .execute();
}

test('page: a blank 期末報告 is refused (409) with each gap linked to its field', async () => {
  if ((await status(2025, 'final')).status !== 'draft') await move('planning', 2025, 'final', 'return');
  // 期末報告 opens once the year's 中間報告 is accepted (phase-order.ts).
  await openInOrder(f.db.kysely, ownCrew(f), { departmentId: f.own, year: 2025, phase: 'final' });
  const [first] = await reviewItems(2025);
  assert.ok(first);
  // Blank one 達成状況: the imported table had them all.
  await editItem(f.db.kysely, f.actors.editorOwn, {
    itemId: first.id,
    no: first.no,
    unit: null,
    text: first.text,
    note: '',
    version: first.version,
  });
  const editor = await signIn('editorown');
  const panel = `/staff/workflow/${f.own}/2025`;
  await editor.get(panel);
  const refused = await editor.post(`${panel}/final`, {
    action: 'submit',
    version: String((await status(2025, 'final')).version),
  });
  assert.equal(refused.status, 409);
  assert.match(refused.html, /提出する前に入力が必要な項目（3件）/);
  const note = `/staff/edit/${f.own}/2025/review?from=gaps#item-${first.id}-note`;
  const assessment = `/staff/workflow/${f.own}/2025/final?from=gaps#assessment-${first.goalId}`;
  assert.ok(refused.html.includes(`href="${note}"`), 'links the blank 達成状況 in the editor');
  assert.ok(refused.html.includes(`href="${assessment}"`), 'links the missing assessment');
  assert.equal((await status(2025, 'final')).status, 'draft');
  // The anchors exist on the pages they point to.
  assert.ok((await editor.get(note.split('#')[0] ?? '')).html.includes(`id="item-${first.id}-note"`));
  assert.ok(
    (await editor.get(assessment.split('#')[0] ?? '')).html.includes(`id="assessment-${first.goalId}"`),
  );
});

test('API: a blank 期末報告 answers 409 PHASE_INCOMPLETE with the gaps as JSON', async () => {
  const version = (await status(2025, 'final')).version;
  const res = await apiCall(app, apiEditor, 'POST', `/workflow/${f.own}/2025/final`, {
    action: 'submit',
    version,
  });
  assert.equal(res.status, 409);
  const { error } = (await res.json()) as {
    error: { code: string; gaps: { field: string; message: string; href: string }[] };
  };
  assert.equal(error.code, 'PHASE_INCOMPLETE');
  assert.equal(error.gaps.length, 3);
  const [first] = await reviewItems(2025);
  const gap = error.gaps.find((g) => g.field === `item.${first?.id}.achievement`);
  assert.equal(gap?.href, `/staff/edit/${f.own}/2025/review?from=gaps#item-${first?.id}-note`);
  assert.match(gap?.message ?? '', /達成状況を入力/);
});

test('interim page: the 未着手 checkbox reports an item without progress text', async () => {
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2026)) ?? -1;
  const item = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select('item.id')
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy)
    .where('goal.block', '=', 'plan')
    .orderBy('item.id')
    .executeTakeFirstOrThrow();
  const editor = await signIn('editorown');
  const page = `/staff/workflow/${f.own}/2026/interim`;
  assert.ok((await editor.get(page)).html.includes(`id="not-started-${item.id}"`));
  const saved = await editor.post(`${page}/${item.id}`, { version: '0', text: '', not_started: '1' });
  assert.equal(saved.status, 303);
  assert.equal((await loadInterim(f.db.kysely, f.own, fy)).get(item.id)?.notStarted, true);
  assert.match(
    (await editor.get(page)).html,
    new RegExp(`id="not-started-${item.id}"[^>]*checked|checked[^>]*id="not-started-${item.id}"`),
  );
});

test('公表 asks for confirmation on its own page before publishing', async () => {
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2025, phase: 'final' });
  await move('editorOwn', 2025, 'final', 'submit');
  await move('approverOwn', 2025, 'final', 'approve');
  await move('planning', 2025, 'final', 'accept');
  const planning = await signIn('planning');
  const panel = `/staff/workflow/${f.own}/2025`;
  const confirmUrl = `${panel}/final/publish`;
  assert.ok(
    (await planning.get(panel)).html.includes(`action="${confirmUrl}"`),
    'the button opens the confirmation',
  );
  const version = String((await status(2025, 'final')).version);
  const unconfirmed = await planning.post(`${panel}/final`, { action: 'publish', version });
  assert.equal(unconfirmed.status, 303);
  assert.equal(unconfirmed.location, `${confirmUrl}?version=${version}`);
  assert.equal((await status(2025, 'final')).status, 'accepted', 'not published without confirming');
  const page = await planning.get(`${confirmUrl}?version=${version}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /期末報告・評価を公表しますか？/);
  assert.match(page.html, /name="confirmed" value="1"/);
  const done = await planning.post(`${panel}/final`, { action: 'publish', version, confirmed: '1' });
  assert.equal(done.status, 303);
  assert.equal((await status(2025, 'final')).status, 'published');
});
