import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditFromAnotherServer } from '../../test-support/forced-state.repo.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser } from '../../test-support/users.ts';
import { insertMunicipality } from '../municipalities/municipality.repo.ts';
import { publicationVersion } from './version.repo.ts';
import { versionReader } from './version.ts';

let db: TestDb;
let municipalityId: number;

before(async () => {
  db = await createTestDb();
  municipalityId = (await insertMunicipality(db.kysely, { code: 'vers', name: '版市' })).id;
  await makeUser(db.kysely, municipalityId, 'viewer');
});
after(async () => {
  await db.destroy();
});

/** An audit event written by another app server: straight into the table, not through this process. */
const changeElsewhere = () => auditFromAnotherServer(db.kysely, municipalityId);

test("another server's change is seen once the interval has passed, not before", async () => {
  let clock = 1_000_000;
  const read = versionReader(db.kysely, { ttlMs: 1000, now: () => clock });
  const first = await read('vers');
  await changeElsewhere();
  const newest = await publicationVersion(db.kysely, 'vers');
  assert.ok(newest.id > first.id);
  clock += 999;
  assert.deepEqual(await read('vers'), first, 'held for the interval: no query');
  clock += 1;
  assert.deepEqual(await read('vers'), newest, 'read again after it');
});

test("this process's change is seen at once, and read afresh until it has had time to commit", async () => {
  let clock = 2_000_000;
  const read = versionReader(db.kysely, { ttlMs: 1000, settleMs: 5000, now: () => clock });
  const first = await read('vers');
  await makeUser(db.kysely, municipalityId, 'viewer'); // audited: a change through this process
  const afterChange = await read('vers');
  assert.ok(afterChange.id > first.id, 'no interval to wait for');
  // Within the settling time every read asks the database: a commit that was still open shows at once.
  clock += 10;
  await changeElsewhere();
  assert.ok((await read('vers')).id > afterChange.id);
  // Settled: held again.
  clock += 5000;
  const settled = await read('vers');
  await changeElsewhere();
  clock += 10;
  assert.deepEqual(await read('vers'), settled);
});

test('the whole service and each city are held apart; simultaneous reads share one answer', async () => {
  const read = versionReader(db.kysely);
  const [all, city, again] = await Promise.all([read(), read('vers'), read('vers')]);
  assert.deepEqual(city, again);
  assert.ok(all.id >= city.id);
  assert.deepEqual(await read('no-such-city'), { id: 0, at: undefined });
});
