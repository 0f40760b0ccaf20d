import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertGoalWithBlock } from '../test-support/forced-state.repo.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { migrateToLatest } from './migrate.ts';

test('migrations create every table and a second run is a no-op', async () => {
  // From an empty database here, not a copy of the run's migrated template.
  const db = await createTestDb(undefined, { fromEmpty: true });
  try {
    const tables = await db.kysely.introspection.getTables();
    const names = tables.map((t) => t.name).sort();
    for (const t of [
      'department',
      'fiscal_year',
      'goal',
      'item',
      'municipality',
      'quantity',
      'source_document',
    ]) {
      assert.ok(names.includes(t), `table ${t} exists on ${db.engine}`);
    }
    assert.deepEqual(await migrateToLatest(db.kysely), []);
  } finally {
    await db.destroy();
  }
});

test('CHECK constraints reject an unknown block', async () => {
  const db = await createTestDb();
  try {
    await assert.rejects(insertGoalWithBlock(db.kysely, 'middle'));
  } finally {
    await db.destroy();
  }
});
