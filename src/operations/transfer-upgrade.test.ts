import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { knownMigrations, migrateInTransaction } from '../db/migrate.ts';
import { dropSchema } from '../db/transfer/catalog.repo.ts';
import { inWriteTransaction } from '../db/transfer/write-transaction.ts';
import { readContents } from '../test-support/db-compare.ts';
import { oldCityAtInitialSchema } from '../test-support/legacy-schema.repo.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { backupDatabase } from './backup.service.ts';
import { restoreDatabase } from './restore.service.ts';

const BEFORE_GRADES = '20261124007000_pending_import';
const at = '2024-04-01T00:00:00.000Z';

test('a backup of an older schema is restored, then migrated up to this code, derived data filled in', async () => {
  const old = await createTestDb();
  const target = await createTestDb();
  const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-old-'));
  try {
    // A database as an older mokuhyo left it: rows written, the search index built by its migration.
    await inWriteTransaction(old.kysely, async (conn) => {
      await dropSchema(conn, old.engine);
      await migrateInTransaction(conn, old.engine, '20261123230000_initial');
      await oldCityAtInitialSchema(conn, at);
      await migrateInTransaction(conn, old.engine, BEFORE_GRADES);
    });
    const oldContents = await readContents(old.kysely);
    assert.equal(oldContents.migrations.at(-1), BEFORE_GRADES);
    assert.equal(
      oldContents.tables.search_entry?.length,
      2,
      'the old migration indexed the goal and its item',
    );

    const file = join(dir, 'old.gz');
    const backup = await backupDatabase(old, file);
    assert.equal(backup.migration, BEFORE_GRADES);
    const report = await restoreDatabase(target, file, { force: false });

    const known = await knownMigrations();
    assert.deepEqual(report.upgradedWith, known.slice(known.indexOf(BEFORE_GRADES) + 1));
    const restored = await readContents(target.kysely);
    assert.deepEqual(restored.migrations, known);
    // Rows come back as they were; columns added by the newer migrations are compared no further.
    const oldColumns = (rows: Record<string, unknown>[] | undefined, like: Record<string, unknown>[] = []) =>
      (rows ?? []).map((row, i) =>
        Object.fromEntries(Object.keys(like[i] ?? row).map((key) => [key, row[key]])),
      );
    for (const t of ['municipality', 'department', 'fiscal_year', 'goal', 'item']) {
      const was = oldContents.tables[t];
      assert.deepEqual(oldColumns(restored.tables[t], was), was, t);
    }
    const entries = restored.tables.search_entry ?? [];
    assert.equal(entries.length, 2);
    assert.ok(
      entries.every((e) => 'grade' in e),
      'the newer column exists after the upgrade',
    );
  } finally {
    await old.destroy();
    await target.destroy();
    await rm(dir, { recursive: true, force: true });
  }
});
