import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../src/db/database.ts';
import { fillLikeACity } from '../src/operations/transfer.testkit.ts';
import { type DatabaseContents, differences, readContents } from '../src/test-support/db-compare.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli } from './cli-harness.ts';

let city: TestDb;
let target: TestDb;
let cityContents: DatabaseContents;
let work: string;
let file: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'mokuhyo-backup-cli-'));
  file = join(work, 'city.mokuhyo.gz');
  city = await createTestDb();
  await fillLikeACity(city);
  cityContents = await readContents(city.kysely);
  target = await createTestDb();
});
after(async () => {
  await city?.destroy();
  await target?.destroy();
  await rm(work, { recursive: true, force: true });
});

test('backup writes the demo city to one file', async () => {
  const r = await runCli(['backup', '--out', file], { DATABASE_URL: city.url });
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /^backed up \d+ rows of \d+ tables \(schema \d{14}_\w+\) from .* to .*city\.mokuhyo\.gz: \d+ bytes in [\d.]+ s\n$/,
  );
});

test('restore into an empty database gives every table back', async () => {
  const r = await runCli(['restore', file], { DATABASE_URL: target.url });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^restored \d+ rows of \d+ tables/);
  assert.deepEqual(differences(cityContents, await readContents(target.kysely)), []);
});

test('restore over data is refused without --force, and replaces it with --force', async () => {
  const refused = await runCli(['restore', file], { DATABASE_URL: target.url });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /already holds data .*--force/);
  const forced = await runCli(['restore', file, '--force'], { DATABASE_URL: target.url });
  assert.equal(forced.status, 0, forced.stderr);
  assert.deepEqual(differences(cityContents, await readContents(target.kysely)), []);
});

test('restore of a file that is not a backup says so and exits 2', async () => {
  const r = await runCli(['restore', join(work, 'missing.gz')], { DATABASE_URL: target.url });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no such file/);
});

test('db copy --to a SQLite path moves the city into a new file', async () => {
  const path = join(work, 'copy.sqlite');
  const r = await runCli(['db', 'copy', '--to', path], { DATABASE_URL: city.url });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^copied \d+ rows of \d+ tables from .* to .*copy\.sqlite in [\d.]+ s\n$/);
  const copy = openDatabase({ engine: 'sqlite', target: path });
  try {
    assert.deepEqual(differences(cityContents, await readContents(copy.kysely)), []);
  } finally {
    await copy.destroy();
  }
  const again = await runCli(['db', 'copy', '--to', path], { DATABASE_URL: city.url });
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already holds data/);
});
