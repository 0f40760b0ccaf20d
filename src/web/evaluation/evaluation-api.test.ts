import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isCleanIndicatorName } from '../../quantities/indicator-name.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

interface Target {
  target: { id: number };
  actual: { id: number } | null;
  match: { status: string; stored: boolean };
}
interface Evaluation {
  department: { id: number };
  goals: Array<{
    items: Array<{ targets: Target[]; reviewItem: { actuals: Array<{ id: number }> } | null }>;
  }>;
}

describe('evaluation API (demo city)', () => {
  let db: TestDb;
  let app: ReturnType<typeof createApp>;
  let departmentId: number;
  let planning: TestUser;
  let viewer: TestUser;

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    const m = await db.kysely.selectFrom('municipality').selectAll().executeTakeFirstOrThrow();
    const d = await db.kysely
      .selectFrom('department')
      .selectAll()
      .where('parent_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    departmentId = d.id;
    planning = await makeUser(db.kysely, m.id, 'planning');
    viewer = await makeUser(db.kysely, m.id, 'viewer');
    app = createApp(db.kysely);
  });
  after(() => db.destroy());

  const csrfOf = async (user: TestUser) =>
    csrfFrom(await (await app.request('/staff', { headers: { cookie: user.cookie } })).text());
  const postMatch = async (user: TestUser, targetId: number, body: unknown) =>
    app.request(`/api/evaluation/matches/${targetId}`, {
      method: 'POST',
      headers: {
        cookie: user.cookie,
        'x-csrf-token': await csrfOf(user),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  const read = async (user: TestUser) =>
    app.request(`/api/evaluation/${departmentId}/2023`, { headers: { cookie: user.cookie } });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/evaluation/{departmentId}/{year}']);
    assert.ok(doc.paths['/evaluation/matches/{targetId}']);
  });

  it('reads the evaluation for planning and refuses a viewer', async () => {
    const res = await read(planning);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Evaluation;
    assert.equal(body.department.id, departmentId);
    assert.ok(body.goals.flatMap((g) => g.items.flatMap((i) => i.targets)).length > 0);
    assert.equal((await read(viewer)).status, 403);
  });

  it('confirms, sets, clears and validates matches', async () => {
    const body = (await (await read(planning)).json()) as Evaluation;
    const items = body.goals.flatMap((g) => g.items);
    const item = items.find((i) => (i.reviewItem?.actuals.length ?? 0) > 1) ?? assert.fail('no item');
    const target = item.targets[0] ?? assert.fail('no target');
    const id = target.target.id;

    const confirmed = await postMatch(planning, id, {
      action: 'confirm',
      actualId: target.actual?.id ?? null,
    });
    assert.equal(confirmed.status, 200);
    assert.deepEqual(await confirmed.json(), {
      targetId: id,
      actualId: target.actual?.id ?? null,
      status: 'confirmed',
    });

    const other = item.reviewItem?.actuals.find((a) => a.id !== target.actual?.id) ?? assert.fail('no other');
    const set = await postMatch(planning, id, { action: 'set', actualId: other.id });
    assert.deepEqual(await set.json(), { targetId: id, actualId: other.id, status: 'manual' });

    const missing = await postMatch(planning, id, { action: 'set' });
    assert.equal(missing.status, 400);
    const unknown = await postMatch(planning, id, { action: 'approve' });
    assert.equal(unknown.status, 400);

    const cleared = await postMatch(planning, id, { action: 'clear' });
    assert.equal(((await cleared.json()) as { status: string }).status, 'cleared');
    const row = await db.kysely
      .selectFrom('quantity_match')
      .selectAll()
      .where('target_quantity_id', '=', id)
      .executeTakeFirst();
    assert.equal(row, undefined);
    assert.equal((await postMatch(viewer, id, { action: 'confirm' })).status, 403);
  });

  it('gives each target its indicator name: clean or null, and the one an editor confirms wins (issue 10)', async () => {
    type Named = Target & { name: string | null; nameSource: string | null };
    const targets = async () =>
      (
        (await (await read(planning)).json()) as { goals: Array<{ items: Array<{ targets: Named[] }> }> }
      ).goals
        .flatMap((g) => g.items)
        .flatMap((i) => i.targets);
    const before = await targets();
    assert.ok(before.some((t) => t.nameSource === 'derived'));
    for (const t of before) if (t.name !== null) assert.ok(isCleanIndicatorName(t.name), t.name);
    const first = before[0] ?? assert.fail('no target');
    const put = await app.request(`/api/evaluation/indicators/${first.target.id}`, {
      method: 'PUT',
      headers: {
        cookie: planning.cookie,
        'x-csrf-token': await csrfOf(planning),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ kind: 'outcome', name: '電子申請できる手続の数' }),
    });
    assert.equal(put.status, 204);
    const after = (await targets()).find((t) => t.target.id === first.target.id);
    assert.deepEqual([after?.name, after?.nameSource], ['電子申請できる手続の数', 'editor']);
  });

  it('needs the CSRF header for a change', async () => {
    const res = await app.request('/api/evaluation/matches/1', {
      method: 'POST',
      headers: { cookie: planning.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'clear' }),
    });
    assert.equal(res.status, 403);
  });
});
