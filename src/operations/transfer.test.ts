import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openDatabase, parseDatabaseUrl } from '../db/database.ts';
import { snapshot } from '../db/transfer/snapshot.ts';
import { AppError } from '../errors.ts';
import { type DatabaseContents, differences, readContents } from '../test-support/db-compare.ts';
import { tamperWithAudit } from '../test-support/forced-state.repo.ts';
import { addMunicipality, failedLogin } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { backupDatabase } from './backup.service.ts';
import { restoreDatabase } from './restore.service.ts';
import { fillLikeACity, MUST_HOLD_ROWS } from './transfer.testkit.ts';

let source: TestDb;
let before_: DatabaseContents;
let dir: string;
let archive: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-backup-'));
  source = await createTestDb();
  await fillLikeACity(source);
  before_ = await readContents(source.kysely);
  archive = join(dir, 'city.mokuhyo.gz');
  await backupDatabase(source, archive);
});
after(async () => {
  await source?.destroy();
  await rm(dir, { recursive: true, force: true });
});

function isCode(code: string) {
  return (error: unknown) => error instanceof AppError && error.code === code;
}

test('the city holds rows in every table that matters, so the comparison means something', () => {
  for (const t of MUST_HOLD_ROWS) assert.ok((before_.tables[t]?.length ?? 0) > 0, `${t} has rows`);
  const quantities = before_.tables.quantity ?? [];
  assert.ok(
    quantities.some((r) => r.value === 'float:Infinity'),
    'the infinite quantity is there',
  );
});

describe('backup then restore into an empty database', () => {
  let target: TestDb;
  before(async () => {
    target = await createTestDb();
  });
  after(async () => target?.destroy());

  test('every table, id and sequence compares equal', async () => {
    const report = await restoreDatabase(target, archive, { force: false });
    assert.equal(
      report.rows,
      Object.values(before_.tables).reduce((n, r) => n + r.length, 0),
    );
    assert.deepEqual(differences(before_, await readContents(target.kysely)), []);
  });

  test('the source is unchanged by its backup', async () => {
    assert.deepEqual(differences(before_, await readContents(source.kysely)), []);
  });

  test('the audit trail stays append-only after a restore', async () => {
    await assert.rejects(tamperWithAudit(target.kysely, 'update'), /append-only/);
    await assert.rejects(tamperWithAudit(target.kysely, 'delete'), /append-only/);
  });

  test('new rows take ids after the source ones, deleted ids included', async () => {
    const lastGoal = before_.lastIds.goal ?? 0;
    const maxGoal = Math.max(...(before_.tables.goal ?? []).map((g) => Number(g.id)));
    assert.ok(lastGoal > maxGoal, 'a deleted goal left its id behind');
    const id = await addMunicipality(target.kysely, '999999', '新市');
    assert.equal(id, (before_.lastIds.municipality ?? 0) + 1);
  });
});

describe('restore into a database that holds data', () => {
  let target: TestDb;
  let other: DatabaseContents;
  before(async () => {
    target = await createTestDb();
    await addMunicipality(target.kysely, '000001', '別の市');
    other = await readContents(target.kysely);
  });
  after(async () => target?.destroy());

  test('is refused without --force, and changes nothing', async () => {
    await assert.rejects(restoreDatabase(target, archive, { force: false }), isCode('CONFLICT'));
    assert.deepEqual(differences(other, await readContents(target.kysely)), []);
  });

  test('a damaged backup changes nothing, even with --force', async () => {
    const bytes = await readFile(archive);
    const cut = join(dir, 'cut.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await assert.rejects(restoreDatabase(target, cut, { force: true }), isCode('PARSE_ERROR'));
    const noTrailer = join(dir, 'no-trailer.gz');
    const lines = gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
    await writeFile(noTrailer, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    await assert.rejects(restoreDatabase(target, noTrailer, { force: true }), /incomplete/);
    const notGzip = join(dir, 'plain.json');
    await writeFile(notGzip, '{"format":"mokuhyo-backup"}\n');
    await assert.rejects(restoreDatabase(target, notGzip, { force: true }), isCode('NOT_A_DOCUMENT'));
    assert.deepEqual(differences(other, await readContents(target.kysely)), []);
  });

  test('a backup from a newer mokuhyo is refused, and changes nothing', async () => {
    const lines = gunzipSync(await readFile(archive))
      .toString('utf8')
      .split('\n');
    const header = JSON.parse(lines[0]!);
    header.migrations.push('29991231000000_from_the_future');
    lines[0] = JSON.stringify(header);
    const newer = join(dir, 'newer.gz');
    await writeFile(newer, gzipSync(lines.join('\n')));
    await assert.rejects(restoreDatabase(target, newer, { force: true }), /newer mokuhyo/);
    assert.deepEqual(differences(other, await readContents(target.kysely)), []);
  });

  test('with --force replaces it: every table compares equal to the source', async () => {
    await restoreDatabase(target, archive, { force: true });
    assert.deepEqual(differences(before_, await readContents(target.kysely)), []);
  });
});

test('a backup is a snapshot: a write during it neither waits nor appears in it', async () => {
  // Another connection writes while the snapshot is open, as a running server would.
  const server = openDatabase(parseDatabaseUrl(source.url));
  const rows: unknown[][] = [];
  try {
    const header = await snapshot(source.kysely, {
      async begin() {
        await failedLogin(server.kysely, 'during-backup', '2026-12-01T00:00:00.000Z');
      },
      async rows(table, batch) {
        if (table === 'login_attempt') rows.push(...batch);
      },
      async end() {},
    });
    const keyIndex = header.tables.find((t) => t.name === 'login_attempt')!.columns.indexOf('key');
    assert.equal(rows.length, before_.tables.login_attempt?.length);
    assert.ok(!rows.some((r) => r[keyIndex] === 'during-backup'));
    const now = await source.kysely.selectFrom('login_attempt').select('key').execute();
    assert.ok(
      now.some((r) => r.key === 'during-backup'),
      'the write went through',
    );
  } finally {
    await server.destroy();
  }
});

test('the same file restores on the other engine', {
  skip: !process.env.DATABASE_URL?.startsWith('postgres') && 'needs PostgreSQL',
}, async () => {
  // The file was written from PostgreSQL here; SQLite reads it back, and PostgreSQL reads SQLite's.
  const lite = await createTestDb('sqlite:other-engine');
  const pgAgain = await createTestDb();
  try {
    await restoreDatabase(lite, archive, { force: false });
    assert.deepEqual(differences(before_, await readContents(lite.kysely)), []);
    const fromLite = join(dir, 'from-sqlite.gz');
    await backupDatabase(lite, fromLite);
    await restoreDatabase(pgAgain, fromLite, { force: false });
    assert.deepEqual(differences(before_, await readContents(pgAgain.kysely)), []);
  } finally {
    await lite.destroy();
    await pgAgain.destroy();
  }
});

test('a backup that fails leaves no file behind, not even a partial one', async () => {
  // The name is taken by a directory: everything is written, the last step (rename) fails.
  const out = join(dir, 'taken');
  await mkdir(join(out, 'inside'), { recursive: true });
  await assert.rejects(backupDatabase(source, out));
  assert.deepEqual(await readdir(out), ['inside']);
  assert.ok(!(await readdir(dir)).some((n) => n.endsWith('.partial')));
});
