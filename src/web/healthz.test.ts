import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseDatabaseUrl } from '../db/database.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { createApp } from './app.tsx';

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(() => db.destroy());

test('/healthz names the engine it reached', async () => {
  const res = await createApp(db.kysely).request('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    status: 'ok',
    engine: parseDatabaseUrl(process.env.DATABASE_URL).engine,
  });
});
