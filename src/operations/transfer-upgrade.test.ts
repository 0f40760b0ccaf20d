import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { knownMigrations, migrateInTransaction } from '../db/migrate.ts';
import { dropSchema } from '../db/transfer/catalog.repo.ts';
import { inWriteTransaction } from '../db/transfer/write-transaction.ts';
import { readContents } from '../test-support/db-compare.ts';
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
      await sql`insert into municipality (id, code, name, created_at) values (1, '000001', '旧市', ${at})`.execute(
        conn,
      );
      await sql`insert into department (id, municipality_id, parent_id, kind, name, created_at)
        values (1, 1, null, 'department', '総務部', ${at})`.execute(conn);
      await sql`insert into fiscal_year (id, municipality_id, year, created_at) values (1, 1, 2024, ${at})`.execute(
        conn,
      );
      await sql`insert into goal (id, department_id, fiscal_year_id, block, no, position, title, version, created_at, updated_at)
        values (1, 1, 1, 'plan', 1, 0, '窓口の待ち時間を短くする', 1, ${at}, ${at})`.execute(conn);
      await sql`insert into item (id, goal_id, no, position, unit_id, text, target, version, created_at, updated_at)
        values (1, 1, 1, 0, null, '待ち時間の計測', '平均10分以内', 1, ${at}, ${at})`.execute(conn);
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
