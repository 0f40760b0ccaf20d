import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../test-support/demo-app.ts';
import { apiCall, makeUser, type TestUser } from '../test-support/users.ts';

let planning: TestUser;
let editor: TestUser;
let departmentId: number;

const demo = useDemoApp(async ({ db: { kysely: db } }) => {
  const municipalityId = await demoMunicipalityId(db);
  departmentId = await demoDepartmentId(db, '総務部');
  planning = await makeUser(db, municipalityId, 'planning');
  editor = await makeUser(db, municipalityId, 'editor', departmentId);
});

const call = (user: TestUser, method: string, path: string, body?: unknown) =>
  apiCall(demo.app, user, method, path, body);

test('planning opens a year and sets the grade scale; an editor may not', async () => {
  assert.equal((await call(editor, 'POST', '/years/2026/open', {})).status, 403);
  assert.equal((await call(planning, 'POST', '/years/2026/open', {})).status, 200);
  assert.equal((await call(editor, 'PUT', '/grade-scale', { preset: 'abc' })).status, 403);
  assert.equal((await call(planning, 'PUT', '/grade-scale', { preset: 'abc' })).status, 204);
  const scale = await call(planning, 'GET', '/grade-scale');
  assert.equal(((await scale.json()) as { preset: string }).preset, 'abc', 'from the current 年度');
  const old = (await (await call(planning, 'GET', '/grade-scale?year=2024')).json()) as {
    fiscalYear: number;
    name: string;
  };
  assert.deepEqual([old.fiscalYear, old.name], [2024, '達成度（3段階）'], 'a published year keeps its scale');
  const bands = [
    { label: '◎', minRate: 100 },
    { label: '○', minRate: 50 },
    { label: '×', minRate: 0 },
  ];
  const custom = { preset: 'custom', name: '三段階', bands };
  assert.equal((await call(planning, 'PUT', '/grade-scale', { ...custom, fromYear: 2024 })).status, 204);
  const stored = await demo.db.kysely
    .selectFrom('grade_scale_version')
    .select(['preset', 'bands_json'])
    .where('from_year', '=', 2024)
    .executeTakeFirstOrThrow();
  assert.deepEqual([stored.preset, JSON.parse(stored.bands_json)], ['custom', bands]);
  const upward = await call(planning, 'PUT', '/grade-scale', { ...custom, bands: [...bands].reverse() });
  assert.equal(upward.status, 400);
  assert.match(
    ((await upward.json()) as { error: { message: string } }).error.message,
    /highest minRate down/,
  );
  // 2024 was published with the default scale: only an explicit, audited re-grade changes it.
  assert.equal((await call(editor, 'POST', '/grade-scale/regrade', { fiscalYear: 2024 })).status, 403);
  assert.equal((await call(planning, 'POST', '/grade-scale/regrade', { fiscalYear: 2024 })).status, 204);
  const regraded = await call(planning, 'GET', '/grade-scale?year=2024');
  assert.equal(((await regraded.json()) as { name: string }).name, '三段階');
});

test('an editor copies next year, reorders, and marks an indicator over the API', async () => {
  const copied = await call(editor, 'POST', `/departments/${departmentId}/years/2025/copy-next-year`);
  assert.equal(copied.status, 201);
  const goals = await demo.db.kysely
    .selectFrom('goal')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select(['goal.id', 'goal.version', 'goal.title'])
    .where('goal.department_id', '=', departmentId)
    .where('fiscal_year.year', '=', 2026)
    .orderBy('goal.position')
    .execute();
  assert.ok(goals.length >= 2);
  const first = goals[0];
  assert.ok(first);
  assert.equal(
    (await call(editor, 'POST', `/goals/${first.id}/move`, { version: first.version, direction: 'down' }))
      .status,
    200,
  );
  const reordered = await demo.db.kysely
    .selectFrom('goal')
    .select('position')
    .where('id', '=', first.id)
    .executeTakeFirstOrThrow();
  assert.equal(reordered.position, 1);

  const target = await demo.db.kysely
    .selectFrom('quantity')
    .innerJoin('item', 'item.id', 'quantity.item_id')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select('quantity.id')
    .where('goal.department_id', '=', departmentId)
    .where('quantity.kind', '=', 'target')
    .executeTakeFirstOrThrow();
  const marked = await call(editor, 'PUT', `/evaluation/indicators/${target.id}`, {
    kind: 'outcome',
    baseline: { value: 10 },
  });
  assert.equal(marked.status, 204);
  const indicator = await demo.db.kysely
    .selectFrom('evaluation_indicator')
    .select(['kind', 'baseline_value'])
    .executeTakeFirstOrThrow();
  assert.deepEqual(indicator, { kind: 'outcome', baseline_value: 10 });
});
