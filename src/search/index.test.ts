import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { MigrationDb } from '../db/migration-kit.ts';
import { backfill } from '../db/migrations/20261124000000_search.ts';
import { importSources } from '../importer/import.service.ts';
import { readSource } from '../importer/read-source.ts';
import { deleteGoalsOfDepartment } from '../test-support/forced-state.repo.ts';
import {
  checkFtsIntegrity,
  corruptFtsIndex,
  forgetSearchEntries,
  rebuildFtsIndex,
} from '../test-support/search-state.repo.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { reindexBlock } from './index.repo.ts';
import { search } from './search.service.ts';
import { importSeed, seedFile, seedSkip } from './test-corpus.ts';

let db: TestDb;

async function counts() {
  const n = async (table: 'goal' | 'item' | 'search_entry') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const items = await db.kysely
    .selectFrom('search_entry')
    .select('item_id')
    .where('item_id', 'is not', null)
    .execute();
  return {
    goals: await n('goal'),
    items: await n('item'),
    entries: await n('search_entry'),
    distinctItems: new Set(items.map((i) => i.item_id)).size,
  };
}

const snapshot = async () =>
  (
    await db.kysely
      .selectFrom('search_entry')
      .select([
        'goal_id',
        'item_id',
        'block',
        'year',
        'goal_title',
        'item_text',
        'note',
        'unit_name',
        'folded',
        'grams',
      ])
      .execute()
  ).sort((a, b) => a.goal_id - b.goal_id || (a.item_id ?? -1) - (b.item_id ?? -1));

describe('keeping the index in step with the stored tables', { skip: seedSkip }, () => {
  before(async () => {
    db = await createTestDb();
    await importSeed(db.kysely);
  });
  after(async () => {
    await db?.destroy();
  });

  test('one entry per goal title and per item; a re-import leaves no duplicates', async () => {
    const first = await counts();
    assert.ok(first.items > 20);
    assert.equal(first.entries, first.goals + first.items);
    assert.equal(first.distinctItems, first.items);
    const before = await snapshot();
    await importSeed(db.kysely);
    assert.deepEqual(await counts(), first);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await search(db.kysely, { q: 'LINE@登録者' })).total, 1);
  });

  test('a re-import that changes the table changes what search finds', async () => {
    const [doc] = readSource('seed.txt', readFileSync(seedFile)).documents;
    assert.ok(doc);
    const changed = structuredClone(doc);
    const goal = changed.review.goals.find((g) => g.items.some((i) => i.achievement?.includes('LINE@')));
    assert.ok(goal);
    goal.items = goal.items.filter((i) => !i.achievement?.includes('LINE@'));
    goal.title = `${goal.title} 検索索引テスト`;
    const source = {
      name: 'changed.json',
      format: 'json' as const,
      contentHash: 'x',
      sizeBytes: 1,
      documents: [changed],
    };
    await importSources(db.kysely, [source], { published: true, municipality: 'ueda' });
    assert.equal((await search(db.kysely, { q: 'LINE@登録者' })).total, 0);
    assert.equal((await search(db.kysely, { q: '検索索引テスト' })).total, 1);
    const now = await counts();
    assert.equal(now.entries, now.goals + now.items);
    await importSeed(db.kysely);
    assert.equal((await search(db.kysely, { q: '検索索引テスト' })).total, 0);
  });

  test('a rolled-back transaction leaves the index as it was', async () => {
    const before = await snapshot();
    const block = await db.kysely
      .selectFrom('goal')
      .select(['department_id', 'fiscal_year_id', 'block'])
      .executeTakeFirstOrThrow();
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await deleteGoalsOfDepartment(trx, block.department_id);
        await reindexBlock(trx, {
          departmentId: block.department_id,
          fiscalYearId: block.fiscal_year_id,
          block: block.block,
        });
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.deepEqual(await snapshot(), before);
  });

  test('SQLite: both FTS5 indexes still match their content table', async (t) => {
    if (db.engine !== 'sqlite') return t.skip('SQLite only');
    // Rows deleted by foreign-key cascades (items removed on re-import) go through the triggers too.
    await checkFtsIntegrity(db.kysely);
    await corruptFtsIndex(db.kysely);
    await assert.rejects(checkFtsIntegrity(db.kysely), /malformed|corrupt/i, 'the check can fail');
    await rebuildFtsIndex(db.kysely);
  });

  test("the migration's backfill builds the same entries as reindexing", async () => {
    const indexed = await snapshot();
    await forgetSearchEntries(db.kysely);
    assert.equal((await search(db.kysely, { q: '移住' })).total, 0);
    // Migrations see the database untyped.
    await backfill(db.kysely as unknown as MigrationDb);
    assert.deepEqual(await snapshot(), indexed);
    assert.ok((await search(db.kysely, { q: '移住' })).total > 0);
  });
});
