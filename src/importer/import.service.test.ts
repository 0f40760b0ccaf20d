import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { exportTables } from '../exporters/export.service.ts';
import type { IchiranDocument } from '../format/document.schema.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../test-support/factories.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { importSources } from './import.service.ts';

let db: Db;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

async function exported(department: string, planYear: number): Promise<IchiranDocument> {
  const out = await exportTables(db.kysely, {
    municipality: 'imp',
    department,
    planYear,
    format: 'json',
    audience: { includeDrafts: true },
  });
  return JSON.parse(String(out.body)) as IchiranDocument;
}

test('import then export gives the same document', async () => {
  const doc = makeDocument({
    department: '往復部',
    warnings: [{ message: 'goal 2: target numbering ② appears twice', line: 7 }],
  });
  const result = await importSources(db.kysely, [sourceOf(doc)], { municipality: 'imp' });
  assert.equal(result.documents[0]?.replaced, false);
  assert.equal(result.documents[0]?.changes.filter((c) => c.kind === 'added').length, 4);
  assert.deepEqual(await exported('往復部', 2023), doc);
});

test('re-import replaces exactly its two years and reports added, changed, removed', async () => {
  const first = makeDocument({ department: '差分部', planYear: 2023 });
  const next = makeDocument({ department: '差分部', planYear: 2024 });
  await importSources(db.kysely, [sourceOf(first, next)], { municipality: 'imp' });
  const nextBefore = await exported('差分部', 2024);

  const revised = makeDocument({
    department: '差分部',
    planYear: 2023,
    plan: {
      fiscalYear: 2023,
      goals: [
        makeGoal(1, [
          makeItem(1, { target: '年度末まで ・説明会 12回以上' }),
          makeItem(3, { target: '新しい項目' }),
        ]),
        makeGoal(3, [makeItem(1, { target: '新規 5件' })], '新しい目標'),
      ],
    },
  });
  const result = await importSources(db.kysely, [sourceOf(revised)], { municipality: 'imp' });
  const report = result.documents[0];
  assert.ok(report?.replaced);
  const describe = (kind: string) =>
    report.changes
      .filter((c) => c.kind === kind)
      .map((c) => `${c.block}:${c.goalNo}${c.itemNo === undefined ? '' : `.${c.itemNo}`}`)
      .sort();
  assert.deepEqual(describe('added'), ['plan:1.3', 'plan:3']);
  assert.deepEqual(describe('changed'), ['plan:1.1']);
  assert.deepEqual(describe('removed'), ['plan:1.2', 'plan:2']);
  assert.deepEqual(await exported('差分部', 2023), revised);
  // The 2024 table shares no block with the 2023 one and must be untouched.
  assert.deepEqual(await exported('差分部', 2024), nextBefore);
});

test('a failure while storing writes nothing, even for the files before it', async () => {
  const good = makeDocument({ department: '成功部' });
  const bad = makeDocument({ department: '失敗部' });
  const firstItem = bad.plan.goals[0]?.items[0];
  assert.ok(firstItem);
  // A comparator the database CHECK refuses: the insert fails after the first file was stored.
  firstItem.quantities = [{ value: 1, unit: '回', comparator: 'about' as '=' }];
  await assert.rejects(importSources(db.kysely, [sourceOf(good), sourceOf(bad)], { municipality: 'imp' }));
  await assert.rejects(
    exportTables(db.kysely, {
      municipality: 'imp',
      department: '成功部',
      planYear: 2023,
      format: 'json',
      audience: { includeDrafts: true },
    }),
    {
      code: 'NOT_FOUND',
    },
  );
});

test('an unchanged re-import keeps ids and reports nothing', async () => {
  const doc = makeDocument({ department: '不変部' });
  await importSources(db.kysely, [sourceOf(doc)], { municipality: 'imp' });
  const ids = async () =>
    (
      await db.kysely
        .selectFrom('goal')
        .innerJoin('department', 'department.id', 'goal.department_id')
        .select('goal.id')
        .where('department.name', '=', '不変部')
        .orderBy('goal.id')
        .execute()
    ).map((r) => r.id);
  const before = await ids();
  const result = await importSources(db.kysely, [sourceOf(doc)], { municipality: 'imp' });
  assert.deepEqual(result.documents[0]?.changes, []);
  assert.deepEqual(await ids(), before);
});
