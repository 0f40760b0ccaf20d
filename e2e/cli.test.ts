import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli, seedsDir } from './cli-harness.ts';

const seed = join(seedsDir, '000_e224602d88f71594.txt');
const hasSeed = existsSync(seed);
let db: TestDb;
let env: Record<string, string>;
let work: string;

before(async () => {
  db = await createTestDb();
  env = { DATABASE_URL: db.url };
  work = await mkdtemp(join(tmpdir(), 'mokuhyo-cli-'));
});
after(async () => {
  await db.destroy();
});

async function storedDocuments(): Promise<number> {
  const rows = await db.kysely.selectFrom('source_document').select('id').execute();
  return rows.length;
}

test('import --dry-run --json prints the document and writes nothing', {
  skip: !hasSeed && 'no ../shared/seeds',
}, async () => {
  const result = await runCli(['import', seed, '--dry-run', '--json'], env);
  assert.equal(result.status, 0, result.stderr);
  const doc = JSON.parse(result.stdout);
  assert.equal(doc.department, '市民まちづくり推進部・上田地域自治C');
  assert.equal(doc.review.fiscalYear, 2021);
  assert.equal(doc.plan.fiscalYear, 2022);
  assert.match(result.stderr, /warning: goal 7: target numbering ② appears twice/);
  assert.equal(await storedDocuments(), 0);

  const two = await runCli(['import', seed, seed, '--dry-run', '--json'], env);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(JSON.parse(two.stdout).length, 2);
});

test('import stores, a second import replaces, export gives the dry run back', {
  skip: !hasSeed && 'no ../shared/seeds',
}, async () => {
  const dry = JSON.parse((await runCli(['import', seed, '--dry-run', '--json'], env)).stdout);
  const first = await runCli(['import', seed, '--municipality', '上田市'], env);
  assert.equal(first.status, 0, first.stderr);
  assert.match(
    first.stdout,
    /stored 市民まちづくり推進部・上田地域自治C 令和3年度\/令和4年度 as draft \(作成中\): \d+ added, 0 changed, 0 removed/,
  );
  const again = await runCli(['import', seed, '--municipality', '上田市'], env);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /replaced .*: 0 added, 0 changed, 0 removed/);

  const out = join(work, 'export.json');
  const exported = await runCli(
    [
      'export',
      '--department',
      dry.department,
      '--plan-year',
      '2022',
      '--format',
      'json',
      '--out',
      out,
      '--municipality',
      '上田市',
    ],
    env,
  );
  assert.equal(exported.status, 0, exported.stderr);
  assert.deepEqual(JSON.parse(await readFile(out, 'utf8')), dry);

  const reimport = await runCli(['import', out, '--municipality', '上田市'], env);
  assert.equal(reimport.status, 0, reimport.stderr);
  assert.match(reimport.stdout, /replaced .*: 0 added, 0 changed, 0 removed/);
});

test('a file that is not a 一覧表 exits 2 naming the file, and nothing is written', async () => {
  const before = await storedDocuments();
  const bad = join(work, 'notes.txt');
  await writeFile(bad, '会議メモ\n来週の予定\n');
  const good = join(work, 'good.json');
  await writeFile(
    good,
    JSON.stringify({
      department: '別の部',
      review: { fiscalYear: 2022, goals: [] },
      plan: { fiscalYear: 2023, goals: [] },
      warnings: [],
    }),
  );
  const result = await runCli(['import', good, bad], env);
  assert.equal(result.status, 2);
  assert.match(result.stderr, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
  assert.equal(result.stdout, '');
  assert.equal(await storedDocuments(), before);
});

test('export of an unknown department exits 2 and names what is stored', async () => {
  const result = await runCli(
    ['export', '--department', '存在しない部', '--plan-year', '2022', '--municipality', '上田市'],
    env,
  );
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no department "存在しない部"/);
});
