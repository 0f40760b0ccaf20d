import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Actor, Role } from '../domain/auth/actor.ts';
import { loadDocument } from '../domain/document/document.service.ts';
import { setBlockState } from '../domain/goals/goal-edit.testkit.ts';
import { transition } from '../domain/workflow/transition.service.ts';
import { AppError } from '../errors.ts';
import { makeDocument, sourceOf } from '../test-support/factories.ts';
import { departmentIdOf, municipalityIdOf } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { importSources } from './import.service.ts';
import { yearLabel } from './import-governance.ts';

let db: TestDb;
let municipalityId: number;
/** 2026-12-03 in Tokyo: 令和8年度, so 令和9年度 (2027) is the last plan year taken without asking. */
const today = new Date('2026-12-03T09:00:00Z');

before(async () => {
  db = await createTestDb();
  await importSources(db.kysely, [sourceOf(makeDocument({ department: '準備部' }))], {
    municipality: { code: 'gov', name: '統制市' },
    today,
  });
  municipalityId = await municipalityIdOf(db.kysely, 'gov');
});
after(async () => {
  await db.destroy();
});

let users = 500;
function actor(role: Role, departmentId: number | null = null): Actor {
  users += 1;
  return { userId: users, login: `${role}${users}`, municipalityId, grants: [{ role, departmentId }] };
}

const departmentId = (name: string) => departmentIdOf(db.kysely, municipalityId, name);

async function states(name: string): Promise<Record<string, string>> {
  const rows = await db.kysely
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select(['fiscal_year.year', 'phase_status.phase', 'phase_status.status'])
    .where('phase_status.department_id', '=', await departmentId(name))
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.phase} ${r.year}`, r.status]));
}

/** Row counts of everything an import writes: a refused import must leave every one unchanged. */
async function footprint(): Promise<Record<string, number>> {
  const tables = [
    'goal',
    'item',
    'quantity',
    'source_document',
    'phase_status',
    'audit_event',
    'search_entry',
    'department',
    'fiscal_year',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const options = { municipality: 'gov', today };

test('an import lands as drafts of 目標設定 and 期末報告, invisible to the public, audited as such', async () => {
  await importSources(
    db.kysely,
    [sourceOf(makeDocument({ department: '下書き部', planYear: 2026 }))],
    options,
  );
  assert.deepEqual(await states('下書き部'), { 'goal_setting 2026': 'draft', 'final 2025': 'draft' });
  const department = {
    id: await departmentId('下書き部'),
    municipality_id: municipalityId,
    name: '下書き部',
  };
  await assert.rejects(loadDocument(db.kysely, department, 2026, { includeDrafts: false }), {
    code: 'NOT_FOUND',
  });
  assert.equal(
    (await loadDocument(db.kysely, department, 2026, { includeDrafts: true })).plan.goals.length,
    2,
    'staff see the draft',
  );
  const audit = await db.kysely
    .selectFrom('audit_event')
    .select(['action', 'summary', 'after_json'])
    .where('department_id', '=', department.id)
    .executeTakeFirstOrThrow();
  assert.equal(audit.action, 'import');
  assert.match(audit.summary, /as draft/);
  assert.equal(JSON.parse(audit.after_json ?? '{}').published, false);

  // A draft may be imported over again: it is still the department's own working copy.
  const revised = makeDocument({ department: '下書き部', planYear: 2026 });
  revised.plan.goals.pop();
  const again = await importSources(db.kysely, [sourceOf(revised)], options);
  assert.ok(again.documents[0]?.replaced);
  assert.equal(
    (await loadDocument(db.kysely, department, 2026, { includeDrafts: true })).plan.goals.length,
    1,
  );
});

test('a submitted 目標設定 is never overwritten: refused naming the block, nothing written', async () => {
  await importSources(db.kysely, [sourceOf(makeDocument({ department: '提出部', planYear: 2026 }))], options);
  const id = await departmentId('提出部');
  await transition(db.kysely, actor('editor', id), {
    departmentId: id,
    year: 2026,
    phase: 'goal_setting',
    action: 'submit',
    version: 1,
  });
  const before = await footprint();
  // The refused table comes second: the good table before it must not land either.
  const good = makeDocument({ department: '無関係部', planYear: 2026 });
  const refused = importSources(
    db.kysely,
    [sourceOf(good), sourceOf(makeDocument({ department: '提出部', planYear: 2026 }))],
    options,
  );
  await assert.rejects(refused, (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'LOCKED');
    assert.match(error.message, /提出部 令和8年度（2026年度）の目標設定は「提出済み（部局内承認待ち）」です/);
    assert.match(error.message, /差し戻して作成中に戻してから取り込んでください/);
    return true;
  });
  assert.deepEqual(await footprint(), before);
  assert.equal(
    await db.kysely.selectFrom('department').select('id').where('name', '=', '無関係部').executeTakeFirst(),
    undefined,
  );
});

test('a published 期末報告 (the review half) is never overwritten by a draft import', async () => {
  const name = '公表部';
  await importSources(db.kysely, [sourceOf(makeDocument({ department: name, planYear: 2026 }))], {
    ...options,
    published: true,
  });
  // Planning returned 目標設定 to the department; 期末報告 of 2025 stays published.
  await setBlockState(db, { departmentId: await departmentId(name), year: 2026, block: 'plan' }, 'draft');
  const before = await footprint();
  await assert.rejects(
    importSources(db.kysely, [sourceOf(makeDocument({ department: name, planYear: 2026 }))], options),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'LOCKED');
      assert.match(error.message, /公表部 令和7年度（2025年度）の期末報告・評価は「公表済み」です/);
      return true;
    },
  );
  assert.deepEqual(await footprint(), before);
});

test('only planning and admin load published history; editors are refused before anything is written', async () => {
  const name = '履歴部';
  await importSources(db.kysely, [sourceOf(makeDocument({ department: name, planYear: 2020 }))], {
    ...options,
    actor: actor('planning'),
    published: true,
  });
  const id = await departmentId(name);
  const editor = actor('editor', id);
  const before = await footprint();
  await assert.rejects(
    importSources(db.kysely, [sourceOf(makeDocument({ department: name, planYear: 2021 }))], {
      ...options,
      actor: editor,
      published: true,
    }),
    (error: unknown) =>
      error instanceof AppError && error.code === 'FORBIDDEN' && /企画担当と管理者だけ/.test(error.message),
  );
  assert.deepEqual(await footprint(), before);
  await importSources(db.kysely, [sourceOf(makeDocument({ department: name, planYear: 2021 }))], {
    ...options,
    actor: actor('admin'),
    published: true,
  });
  assert.deepEqual(await states(name), {
    'goal_setting 2020': 'published',
    'final 2019': 'published',
    'goal_setting 2021': 'published',
    'final 2020': 'published',
  });
  const public2021 = await loadDocument(db.kysely, { id, municipality_id: municipalityId, name }, 2021, {
    includeDrafts: false,
  });
  assert.equal(public2021.plan.goals.length, 2);
  const actions = await db.kysely
    .selectFrom('audit_event')
    .select(['action', 'actor_login', 'summary'])
    .where('department_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    ['import.published', 'import.published'],
  );
  assert.match(actions[1]?.summary ?? '', /as published/);
  assert.match(actions[1]?.actor_login ?? '', /^admin/);
});

test('published history may replace published history, never a block in the middle of approval', async () => {
  const name = '訂正部';
  const history = { ...options, published: true };
  await importSources(db.kysely, [sourceOf(makeDocument({ department: name, planYear: 2022 }))], history);
  const corrected = makeDocument({ department: name, planYear: 2022 });
  corrected.plan.goals.pop();
  const result = await importSources(db.kysely, [sourceOf(corrected)], history);
  assert.deepEqual(
    result.documents[0]?.changes.map((c) => `${c.kind} ${c.block} ${c.goalNo}`),
    ['removed plan 2'],
  );
  await setBlockState(db, { departmentId: await departmentId(name), year: 2022, block: 'plan' }, 'accepted');
  const before = await footprint();
  await assert.rejects(importSources(db.kysely, [sourceOf(corrected)], history), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'LOCKED');
    assert.match(
      error.message,
      /訂正部 令和4年度（2022年度）の目標設定は「企画受理済み（公表待ち）」です。承認の途中/,
    );
    return true;
  });
  assert.deepEqual(await footprint(), before);
});

test('a plan year after next 年度 or before 平成 needs an explicit confirmation', async () => {
  const before = await footprint();
  const year = (planYear: number) => sourceOf(makeDocument({ department: '年度部', planYear }));
  await assert.rejects(importSources(db.kysely, [year(2049)], options), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'INVALID_INPUT');
    assert.equal(error.location.field, 'planYear');
    assert.match(error.message, /令和31年度（2049年度）/);
    assert.match(error.message, /令和8年度（2026年度）/);
    assert.match(error.message, /--allow-year/);
    return true;
  });
  await assert.rejects(importSources(db.kysely, [year(2028)], options), { code: 'INVALID_INPUT' });
  await assert.rejects(
    importSources(db.kysely, [year(1988)], options),
    /昭和63年度（1988年度）は、平成元年度/,
  );
  assert.deepEqual(await footprint(), before);

  await importSources(db.kysely, [year(2027)], options);
  await importSources(db.kysely, [year(1989)], options);
  await importSources(db.kysely, [year(2049)], { ...options, allowYear: true });
  assert.equal((await states('年度部'))['goal_setting 2049'], 'draft');
});

test('the 年度 the year check compares with is Tokyo’s', async () => {
  const doc = () => sourceOf(makeDocument({ department: '境界部', planYear: 2028 }));
  // 2027-03-31T15:00Z is 2027-04-01 in Tokyo: 令和9年度 has begun, so 2028 is next year.
  await importSources(db.kysely, [doc()], { municipality: 'gov', today: new Date('2027-03-31T15:00:00Z') });
  await assert.rejects(
    importSources(db.kysely, [doc()], { municipality: 'gov', today: new Date('2027-03-31T14:59:59Z') }),
    { code: 'INVALID_INPUT' },
  );
});

test('year labels name 和暦 and 西暦', () => {
  assert.equal(yearLabel(2019), '令和元年度（2019年度）');
  assert.equal(yearLabel(1989), '平成元年度（1989年度）');
  assert.equal(yearLabel(1988), '昭和63年度（1988年度）');
  assert.equal(yearLabel(1926), '昭和元年度（1926年度）');
  assert.equal(yearLabel(1900), '1900年度');
});
