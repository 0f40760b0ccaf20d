import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { engineOf, parseDatabaseUrl } from './database.ts';

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(() => db.destroy());

test('engineOf reads the engine DATABASE_URL names from the handle alone', () => {
  const expected = parseDatabaseUrl(process.env.DATABASE_URL).engine;
  assert.equal(db.engine, expected);
  assert.equal(engineOf(db.kysely), expected);
});

test('engineOf answers the same inside a transaction and on one held connection', async () => {
  const expected = parseDatabaseUrl(process.env.DATABASE_URL).engine;
  const inTransaction = await db.kysely.transaction().execute(async (trx) => engineOf(trx));
  assert.equal(inTransaction, expected);
  const onConnection = await db.kysely.connection().execute(async (conn) => engineOf(conn));
  assert.equal(onConnection, expected);
});
