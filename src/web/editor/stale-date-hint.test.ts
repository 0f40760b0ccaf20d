import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { copyPlanToNextYear } from '../../domain/goals/block-copy.service.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

/** Issue 10, item 8: a deadline of 令和7年度 copied into 令和8年度 is pointed out beside its item. */
let db: TestDb;
let app: ReturnType<typeof createApp>;
let editor: TestUser;
let departmentId = 0;

before(async () => {
  db = await createTestDb();
  const plan = {
    fiscalYear: 2025,
    goals: [
      makeGoal(1, [
        makeItem(1, { text: '窓口のオンライン化', target: '令和7年度末までに 30手続以上' }),
        makeItem(2, { text: '説明会の開催', target: '年度内に 10回以上' }),
      ]),
    ],
  };
  await importSources(db.kysely, [sourceOf(makeDocument({ department: 'テスト部', planYear: 2025, plan }))], {
    published: true,
    municipality: { code: 'stale', name: '期限市' },
  });
  const m = await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  const dept = await db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', 'テスト部')
    .executeTakeFirstOrThrow();
  departmentId = dept.id;
  editor = await makeUser(db.kysely, m.id, 'editor', departmentId);
  await copyPlanToNextYear(db.kysely, editor.actor, { departmentId, year: 2025 });
  app = createApp(db.kysely);
});
after(() => db.destroy());

const page = async (year: number) =>
  (
    await app.request(`/staff/edit/${departmentId}/${year}/plan`, { headers: { cookie: editor.cookie } })
  ).text();

test('the copied 令和7年度末 deadline is highlighted in 令和8年度 only, with a Japanese hint', async () => {
  const copied = await page(2026);
  const hints = [...copied.matchAll(/<p class="stale-date-hint"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
  assert.equal(hints.length, 1, 'one item has a stale date; 年度内 is not a date');
  assert.match(hints[0] ?? '', /「令和7年度末」は令和8年度が始まる前の日付です。.*見直してください。/);
  assert.doesNotMatch(await page(2025), /stale-date-hint/, 'in its own year the deadline is right');
});
