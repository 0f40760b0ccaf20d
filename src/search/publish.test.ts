import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { editItemTextWithoutReindex } from '../test-support/forced-state.repo.ts';
import { setPhasesWhere } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { reindexPhase } from './index.repo.ts';
import { search } from './search.service.ts';
import { importSeed, seedSkip } from './test-corpus.ts';

let db: TestDb;

describe('publication decides what search shows', { skip: seedSkip }, () => {
  before(async () => {
    db = await createTestDb();
    await importSeed(db.kysely);
  });
  after(async () => {
    await db?.destroy();
  });

  test('unpublished blocks are not found', async () => {
    const review = await search(db.kysely, { q: 'LINE@登録者' });
    assert.equal(review.total, 1);
    const plan = await search(db.kysely, { q: 'line@', block: 'plan' });
    assert.ok(plan.total > 0);
    const draft = (phase: 'final' | 'goal_setting', status: 'draft' | 'published') =>
      setPhasesWhere(db.kysely, { phase }, status);
    await draft('final', 'draft');
    assert.equal((await search(db.kysely, { q: 'LINE@登録者' })).total, 0);
    assert.equal((await search(db.kysely, { q: 'line@', block: 'plan' })).total, plan.total);
    await draft('goal_setting', 'draft');
    assert.equal((await search(db.kysely, { q: 'line@' })).total, 0);
    await draft('final', 'published');
    await draft('goal_setting', 'published');
    assert.equal((await search(db.kysely, { q: 'LINE@登録者' })).total, 1);
  });

  test('an edit made outside the importer is searchable once its phase is reindexed', async () => {
    const item = await db.kysely
      .selectFrom('item')
      .innerJoin('goal', 'goal.id', 'item.goal_id')
      .select(['item.id', 'goal.department_id', 'goal.fiscal_year_id'])
      .where('goal.block', '=', 'plan')
      .executeTakeFirstOrThrow();
    // What the block editor does while the phase is a draft.
    await editItemTextWithoutReindex(db.kysely, item.id, '編集後の取組テキスト');
    assert.equal((await search(db.kysely, { q: '編集後の取組' })).total, 0);
    const key = { departmentId: item.department_id, fiscalYearId: item.fiscal_year_id };
    assert.equal(await reindexPhase(db.kysely, { ...key, phase: 'interim' }), 0);
    assert.ok((await reindexPhase(db.kysely, { ...key, phase: 'goal_setting' })) > 0);
    assert.equal((await search(db.kysely, { q: '編集後の取組' })).total, 1);
    await importSeed(db.kysely);
    assert.equal((await search(db.kysely, { q: '編集後の取組' })).total, 0);
  });
});
