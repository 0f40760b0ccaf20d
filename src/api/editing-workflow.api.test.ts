import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFiscalYear } from '../domain/workflow/year.service.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../test-support/demo-app.ts';
import { apiCall, makeUser, type TestUser } from '../test-support/users.ts';

let editor: TestUser;
let otherEditor: TestUser;
let departmentId: number;

const demo = useDemoApp(async ({ db: { kysely: db } }) => {
  const municipalityId = await demoMunicipalityId(db);
  departmentId = await demoDepartmentId(db, '総務部');
  const planning = await makeUser(db, municipalityId, 'planning');
  await openFiscalYear(db, planning.actor, { year: 2026 });
  editor = await makeUser(db, municipalityId, 'editor', departmentId);
  otherEditor = await makeUser(db, municipalityId, 'editor', await demoDepartmentId(db, '健康福祉部'));
});

const call = (user: TestUser, method: string, path: string, body?: unknown) =>
  apiCall(demo.app, user, method, path, body);

test('an editor drafts over the API; a stale save answers 409 with what won; another department is refused', async () => {
  const created = await call(editor, 'POST', '/goals', {
    departmentId,
    year: 2026,
    block: 'plan',
    title: '窓口のデジタル化',
  });
  assert.equal(created.status, 201);
  const goal = (await created.json()) as { id: number; version: number };
  const item = await call(editor, 'POST', `/goals/${goal.id}/items`, {
    text: '書かない窓口',
    note: '年度末まで ・対象手続 30件以上',
  });
  assert.equal(item.status, 201);
  const saved = await call(editor, 'PATCH', `/goals/${goal.id}`, {
    version: goal.version,
    title: '窓口のデジタル化の推進',
  });
  assert.equal(saved.status, 200);
  const stale = await call(editor, 'PATCH', `/goals/${goal.id}`, {
    version: goal.version,
    title: '古い版からの変更',
  });
  assert.equal(stale.status, 409);
  const error = ((await stale.json()) as { error: { code: string; current: { goal: { title: string } } } })
    .error;
  assert.equal(error.code, 'STALE');
  assert.equal(error.current.goal.title, '窓口のデジタル化の推進');
  const refused = await call(otherEditor, 'PATCH', `/goals/${goal.id}`, {
    version: goal.version + 1,
    title: 'x',
  });
  assert.equal(refused.status, 403);
});

test('the workflow moves over the API with the version it saw', async () => {
  const phase = await demo.db.kysely
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('phase_status.version')
    .where('phase_status.department_id', '=', departmentId)
    .where('fiscal_year.year', '=', 2026)
    .where('phase_status.phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  const submitted = await call(editor, 'POST', `/workflow/${departmentId}/2026/goal_setting`, {
    action: 'submit',
    version: phase.version,
  });
  assert.equal(submitted.status, 200);
  assert.equal(((await submitted.json()) as { to: string }).to, 'submitted');
  const again = await call(editor, 'POST', `/workflow/${departmentId}/2026/goal_setting`, {
    action: 'submit',
    version: phase.version,
  });
  assert.equal(again.status, 409);
});
