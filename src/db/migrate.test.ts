import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
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
    assert.deepEqual(await migrateToLatest(db), []);
  } finally {
    await db.destroy();
  }
});

test('CHECK constraints reject an unknown block', async () => {
  const db = await createTestDb();
  try {
    await assert.rejects(
      sql`insert into goal (department_id, fiscal_year_id, block, no, position, title, version, created_at, updated_at)
          values (1, 1, 'middle', 1, 0, 't', 1, 'x', 'x')`.execute(db.kysely),
    );
  } finally {
    await db.destroy();
  }
});
