import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { loadDemoIfEmpty } from '../demo/load-demo.ts';
import { openMigratedDatabase } from '../operations/open-database.ts';
import { createEmptyDb, type EmptyDb } from '../test-support/empty-db.ts';
import { type Db, parseDatabaseUrl } from './database.ts';
import { withStartupLock } from './migrate.ts';

/**
 * Two app servers starting at the same moment on one fresh PostgreSQL database: each has its own
 * pool (as two processes would), and migrations and the demo load must happen exactly once.
 */
const skip =
  parseDatabaseUrl(process.env.DATABASE_URL).engine !== 'postgres' &&
  'the startup lock is for several servers on one PostgreSQL (set DATABASE_URL=postgres://…); a SQLite file has one server';

const migrationFiles = readdirSync(new URL('./migrations/', import.meta.url)).filter((n) =>
  /^\d{14}_[\w-]+\.ts$/.test(n),
);

let empty: EmptyDb;
let servers: Db[] = [];

before(async () => {
  if (skip) return;
  empty = await createEmptyDb();
});
after(async () => {
  if (skip) return;
  await Promise.all(servers.map((db) => db.destroy()));
  await empty.drop();
});

test('two servers migrate one fresh database at once: both start, each migration runs once', {
  skip,
}, async () => {
  servers = await Promise.all([openMigratedDatabase(empty.target), openMigratedDatabase(empty.target)]);
  const [a] = servers as [Db, Db];
  const applied = await a.kysely
    .withTables<{ kysely_migration: { name: string } }>()
    .selectFrom('kysely_migration')
    .select('name')
    .execute();
  assert.equal(applied.length, migrationFiles.length, 'every migration recorded once');
});

test('two servers load the demo into one empty database at once: it is loaded once', { skip }, async () => {
  const [a, b] = servers as [Db, Db];
  const results = await Promise.all([
    withStartupLock(a.kysely, () => loadDemoIfEmpty(a.kysely)),
    withStartupLock(b.kysely, () => loadDemoIfEmpty(b.kysely)),
  ]);
  assert.equal(results.filter((r) => r !== undefined).length, 1, 'one server loaded it, the other found it');
  const municipalities = await a.kysely.selectFrom('municipality').select('code').execute();
  assert.deepEqual(
    municipalities.map((m) => m.code),
    ['minatodai'],
  );
  const documents = await a.kysely
    .selectFrom('source_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(documents.n), results.find((r) => r)?.documents.length);
});
