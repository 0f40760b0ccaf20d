import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureDepartment } from '../../domain/departments/department.repo.ts';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { loadBlock } from '../../domain/goals/goal.repo.ts';
import { editGoal } from '../../domain/goals/goal-edit.service.ts';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let editor: TestUser;
let viewer: TestUser;
let departmentId: number;
const OWN = '履歴の部';

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'hist', name: '履歴市' });
  departmentId = (await ensureDepartment(db.kysely, m.id, OWN)).id;
  editor = await makeUser(db.kysely, m.id, 'editor', departmentId);
  viewer = await makeUser(db.kysely, m.id, 'viewer');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

const revised = () =>
  makeDocument({
    department: OWN,
    plan: {
      fiscalYear: 2023,
      goals: [makeGoal(1, [makeItem(1, { target: '新しい目標 3件' })], '差し替えた目標')],
    },
  });

async function page(user: TestUser, url: string) {
  const res = await app.request(url, { headers: { cookie: user.cookie } });
  return { status: res.status, html: await res.text() };
}

async function undo(user: TestUser, id: number, csrf: string) {
  return app.request(`/staff/import/history/${id}/undo`, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }).toString(),
  });
}

async function planTitles(): Promise<string[]> {
  const fiscalYearId = await findFiscalYearId(db.kysely, editor.actor.municipalityId, 2023);
  assert.ok(fiscalYearId);
  return (await loadBlock(db.kysely, { departmentId, fiscalYearId, block: 'plan' })).map((g) => g.title);
}

test('the history lists an import; 取り消す on its confirmation page puts the block back, once', async () => {
  await importSources(db.kysely, [sourceOf(makeDocument({ department: OWN }))], {
    municipality: 'hist',
    actor: editor.actor,
  });
  const before = await planTitles();
  const result = await importSources(db.kysely, [sourceOf(revised())], {
    municipality: 'hist',
    actor: editor.actor,
  });
  assert.deepEqual(await planTitles(), ['差し替えた目標']);

  const history = await page(editor, '/staff/import/history');
  assert.equal(history.status, 200);
  assert.match(history.html, new RegExp(`取り込み ${result.importId}</h2>`));
  assert.match(history.html, /履歴の部 令和5年度（2023年度）の数値目標/);
  const confirm = await page(editor, `/staff/import/history/${result.importId}`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, />取り消す</);

  assert.equal((await undo(viewer, result.importId, csrfFrom(confirm.html))).status, 403, 'a viewer may not');
  const refusedWithoutToken = await undo(editor, result.importId, 'wrong');
  assert.ok(refusedWithoutToken.status >= 400, 'CSRF is checked');
  assert.deepEqual(await planTitles(), ['差し替えた目標']);

  const done = await undo(editor, result.importId, csrfFrom(confirm.html));
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `/staff/import/history?undone=${result.importId}`);
  assert.deepEqual(await planTitles(), before);
  const after = await page(editor, `/staff/import/history?undone=${result.importId}`);
  assert.match(after.html, /取り消しました/);
  assert.match(after.html, /取り消し済み/);

  const again = await undo(editor, result.importId, csrfFrom(confirm.html));
  assert.equal(again.status, 409);
  assert.match(await again.text(), /すでに取り消されています/);
});

test('an edit since the import: the undo is refused in Japanese, naming the block', async () => {
  const result = await importSources(db.kysely, [sourceOf(revised())], {
    municipality: 'hist',
    actor: editor.actor,
  });
  const fiscalYearId = await findFiscalYearId(db.kysely, editor.actor.municipalityId, 2023);
  assert.ok(fiscalYearId);
  const [goal] = await loadBlock(db.kysely, { departmentId, fiscalYearId, block: 'plan' });
  assert.ok(goal);
  await editGoal(db.kysely, editor.actor, {
    goalId: goal.id,
    version: goal.version,
    title: '後から直した目標',
  });
  const confirm = await page(editor, `/staff/import/history/${result.importId}`);
  const refused = await undo(editor, result.importId, csrfFrom(confirm.html));
  assert.equal(refused.status, 409);
  const html = await refused.text();
  assert.match(html, /role="alert"/);
  assert.match(html, /履歴の部 令和5年度（2023年度）の数値目標（当年度）（目標設定）は取り込みの後に/);
  assert.deepEqual(await planTitles(), ['後から直した目標']);
});

test('a viewer cannot open the history', async () => {
  assert.equal((await page(viewer, '/staff/import/history')).status, 403);
});
