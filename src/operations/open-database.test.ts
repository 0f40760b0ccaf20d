import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDatabaseUrl } from '../db/database.ts';
import { loadDemo } from '../demo/load-demo.ts';
import {
  foldSearchKeysTheOldWay,
  forgetMigrationsFrom,
  sqliteTriggerText,
  undoFromSearchGrade,
  undoVariantMigrations,
} from '../test-support/legacy-schema.repo.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { openMigratedDatabase } from './open-database.ts';

test('upgrading a database with data to the search-grade migration fills in the grades', async () => {
  const db = await createTestDb();
  try {
    await loadDemo(db.kysely);
    const grades = async (kysely = db.kysely) =>
      (await kysely.selectFrom('search_entry').select(['id', 'grade']).orderBy('id').execute()).map(
        (r) => `${r.id}:${r.grade ?? '-'}`,
      );
    const before = await grades();
    assert.ok(before.filter((g) => !g.endsWith(':-')).length > 100, 'the demo has graded entries');
    // Back to the schema before the migration, as an older installation has it.
    // Every migration from that one on is undone, or the migrator refuses the gap.
    await undoFromSearchGrade(db.kysely);
    const reopened = await openMigratedDatabase(parseDatabaseUrl(db.url));
    try {
      assert.deepEqual(await grades(reopened.kysely), before);
      if (reopened.engine === 'sqlite') {
        const trigger = await sqliteTriggerText(reopened.kysely, 'search_entry_au');
        assert.match(trigger ?? '', /after update of folded, grams on search_entry/i);
      }
    } finally {
      await reopened.destroy();
    }
  } finally {
    await db.destroy();
  }
});

test('upgrading a database indexed before the 表記ゆれ dictionary refolds its keys: 寄付 finds 寄附', async () => {
  const db = await createTestDb();
  try {
    await loadDemo(db.kysely);
    const keys = async (kysely = db.kysely) =>
      (await kysely.selectFrom('search_entry').select(['id', 'folded', 'grams']).orderBy('id').execute()).map(
        (r) => `${r.id}:${r.folded}:${r.grams}`,
      );
    const current = await keys();
    // Keys as the older version wrote them: character folding only.
    await foldSearchKeysTheOldWay(db.kysely);
    assert.notDeepEqual(await keys(), current, 'the keys were put back as an older version had them');
    await forgetMigrationsFrom(db.kysely, '20261203091100_search_variant');
    await undoVariantMigrations(db.kysely);
    const reopened = await openMigratedDatabase(parseDatabaseUrl(db.url));
    try {
      assert.deepEqual(await keys(reopened.kysely), current);
      const code = await reopened.kysely
        .selectFrom('municipality')
        .select(['local_gov_code', 'search_fold_version'])
        .where('code', '=', 'minatodai')
        .executeTakeFirstOrThrow();
      assert.equal(code.local_gov_code, '990019', 'the demo city gets its unreal code');
      assert.ok(code.search_fold_version, 'the dictionary version is recorded');
    } finally {
      await reopened.destroy();
    }
  } finally {
    await db.destroy();
  }
});
