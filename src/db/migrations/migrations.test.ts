import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestDb } from '../../test-support/test-db.ts';
import type { MigrationDb } from '../migration-kit.ts';
import type { Database } from '../schema.ts';
import { up as phaseStatusUp } from './20261123234500_phase_status.ts';

test('migration files are timestamp-named and no two share a timestamp', async () => {
  // frozen/ holds the code a migration froze for itself (no migrations: the runner reads files only).
  const entries = await readdir(new URL('./', import.meta.url), { withFileTypes: true });
  assert.deepEqual(
    entries.filter((e) => e.isDirectory()).map((e) => e.name),
    ['frozen'],
  );
  const names = entries.filter((e) => e.isFile() && !e.name.endsWith('.test.ts')).map((e) => e.name);
  for (const n of names) assert.match(n, /^\d{14}_[a-z0-9_]+\.ts$/, n);
  assert.equal(new Set(names.map((n) => n.slice(0, 14))).size, names.length);
});

async function seedBlock(db: Kysely<Database>): Promise<void> {
  const now = new Date().toISOString();
  const m = await db
    .insertInto('municipality')
    .values({ code: 'bf', name: 'b', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const d = await db
    .insertInto('department')
    .values({ municipality_id: m.id, parent_id: null, kind: 'department', name: 'd', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fy = await db
    .insertInto('fiscal_year')
    .values({ municipality_id: m.id, year: 2022, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Two goals of one block, stored at different times: the backfill must still give one row.
  for (const [no, at] of [
    [1, '2026-01-01T00:00:00Z'],
    [2, '2026-01-02T00:00:00Z'],
  ] as const) {
    await db
      .insertInto('goal')
      .values({
        department_id: d.id,
        fiscal_year_id: fy.id,
        block: 'plan',
        no,
        position: no,
        title: 't',
        source_document_id: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

test('the phase-status backfill upgrades a database that already holds tables', async () => {
  const db = await createTestDb();
  try {
    await seedBlock(db.kysely);
    await db.kysely.schema.dropTable('phase_status').execute();
    await phaseStatusUp(db.kysely as unknown as MigrationDb);
    const rows = await db.kysely.selectFrom('phase_status').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.status, 'published');
    assert.equal(rows[0]?.published_at, '2026-01-02T00:00:00Z');
  } finally {
    await db.destroy();
  }
});
