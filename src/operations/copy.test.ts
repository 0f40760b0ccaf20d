import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { type DatabaseContents, differences, readContents } from '../test-support/db-compare.ts';
import { tamperWithAudit } from '../test-support/forced-state.repo.ts';
import { addMunicipality } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { assertDistinct, copyDatabase } from './copy.service.ts';
import { fillLikeACity } from './transfer.testkit.ts';

/**
 * SQLite → PostgreSQL → SQLite when DATABASE_URL names a PostgreSQL server (CI runs it so);
 * otherwise SQLite → SQLite → SQLite, which still runs every step of the copy.
 */
const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const sqliteUrl = 'sqlite:unused';

let origin: TestDb;
let originContents: DatabaseContents;
const made: TestDb[] = [];

async function fresh(url: string): Promise<TestDb> {
  // createTestDb makes its own SQLite file for any sqlite: URL.
  const db = await createTestDb(url);
  made.push(db);
  return db;
}

before(async () => {
  origin = await fresh(sqliteUrl);
  await fillLikeACity(origin);
  originContents = await readContents(origin.kysely);
});
after(async () => {
  for (const db of made) await db.destroy();
});

test(`copy SQLite → ${pgUrl ? 'PostgreSQL' : 'SQLite'} → SQLite: every table compares equal`, async () => {
  assert.equal(origin.engine, 'sqlite');
  const middle = await fresh(pgUrl ?? sqliteUrl);
  const report = await copyDatabase(origin, middle);
  assert.equal(
    report.rows,
    Object.values(originContents.tables).reduce((n, r) => n + r.length, 0),
  );
  assert.deepEqual(differences(originContents, await readContents(middle.kysely)), []);

  const back = await fresh(sqliteUrl);
  await copyDatabase(middle, back);
  assert.deepEqual(differences(originContents, await readContents(back.kysely)), []);

  // The copies work as databases, not only as data: the full-text index answers as the origin's does.
  const entry = await back.kysely
    .selectFrom('search_entry')
    .select('folded')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const phrase = `"${[...entry.folded].slice(0, 3).join('').replaceAll('"', '""')}"`;
  const hits = async (db: TestDb) =>
    (
      await sql<{
        id: number;
      }>`select rowid as id from search_fts where search_fts match ${phrase} order by rowid`.execute(
        db.kysely,
      )
    ).rows.map((r) => r.id);
  const found = await hits(back);
  assert.ok(found.length > 0, 'the copied index finds the first entry');
  assert.deepEqual(found, await hits(origin));
  await assert.rejects(tamperWithAudit(middle.kysely, 'delete'), /append-only/);
  await assert.rejects(tamperWithAudit(back.kysely, 'delete'), /append-only/);
});

test('a target that holds data is refused and left as it was', async () => {
  const target = await fresh(pgUrl ?? sqliteUrl);
  await addMunicipality(target.kysely, '000001', '別の市');
  const was = await readContents(target.kysely);
  await assert.rejects(
    copyDatabase(origin, target),
    (e: unknown) => e instanceof AppError && e.code === 'CONFLICT' && /already holds data/.test(e.message),
  );
  assert.deepEqual(differences(was, await readContents(target.kysely)), []);
});

test('a database is not copied onto itself', () => {
  const a = parseDatabaseUrl('sqlite:./data/x.sqlite');
  assert.throws(() => assertDistinct(a, parseDatabaseUrl('sqlite:data/x.sqlite')), /database being copied/);
  assert.throws(
    () =>
      assertDistinct(parseDatabaseUrl('postgres://a@h/db'), parseDatabaseUrl('postgres://b:pw@h:5432/db')),
    /database being copied/,
  );
  assert.doesNotThrow(() => assertDistinct(a, parseDatabaseUrl('sqlite:./data/y.sqlite')));
});

test('text PostgreSQL cannot store is named, and the target is left empty', {
  skip: !pgUrl && 'needs PostgreSQL',
}, async () => {
  const odd = await fresh(sqliteUrl);
  await addMunicipality(odd.kysely, '000002', 'ぬる\u0000市');
  const target = await fresh(pgUrl!);
  await assert.rejects(copyDatabase(odd, target), /municipality id 1, column name, holds a NUL character/);
  assert.equal((await readContents(target.kysely)).tables.municipality?.length, 0);
});
