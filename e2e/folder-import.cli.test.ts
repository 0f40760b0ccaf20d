import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeDocument } from '../src/test-support/factories.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli } from './cli-harness.ts';

const fixtures = fileURLToPath(new URL('../src/importer/pdf/fixtures/', import.meta.url));
let db: TestDb;
let env: Record<string, string>;
let folder: string;

/** A folder as an operator would have it: PDFs and JSON, a subfolder, a stray note, one broken file. */
before(async () => {
  db = await createTestDb();
  env = { DATABASE_URL: db.url };
  folder = await mkdtemp(join(tmpdir(), 'mokuhyo-folder-'));
  await mkdir(join(folder, '2024'));
  await copyFile(join(fixtures, 'seed.pdf'), join(folder, 'seed.pdf'));
  await copyFile(join(fixtures, 'demo-kenko-fukushi-2024.pdf'), join(folder, '2024', 'kenko.pdf'));
  await writeFile(
    join(folder, '2024', 'soumu.json'),
    JSON.stringify(makeDocument({ department: 'フォルダ総務部', planYear: 2024 })),
  );
  await writeFile(join(folder, 'メモ.md'), '取り込み対象ではない');
  await writeFile(join(folder, 'broken.json'), '{\n  "department": "壊れた部",\n  "review": \n');
});
after(async () => {
  await db.destroy();
});

async function departments(): Promise<string[]> {
  const rows = await db.kysely.selectFrom('department').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

test('a folder with one broken file: every file reported, exit 2, nothing written', async () => {
  const before = await departments();
  const result = await runCli(['import', folder, '--municipality', 'folder'], env);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /メモ\.md: skipped: unsupported extension/);
  assert.match(result.stderr, /broken\.json:\d+:\d+: /);
  assert.match(result.stderr, /1 of 4 files failed; nothing was stored/);
  // The summary table names every file read, with its department, years and goal counts.
  assert.match(result.stdout, /^file\s+department\s+years/m);
  assert.match(result.stdout, /soumu\.json\s+フォルダ総務部\s+令和5年度\/令和6年度\s+\d+\/\d+\s+0/);
  assert.match(result.stdout, /seed\.pdf\s+\S+/);
  assert.match(result.stdout, /kenko\.pdf\s+\S+/);
  assert.match(result.stdout, /3 read, 1 failed/);
  assert.deepEqual(await departments(), before);
});

test('--skip-errors stores the good files, still lists the broken one and exits 2', async () => {
  const result = await runCli(['import', folder, '--skip-errors', '--municipality', 'folder'], env);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stdout, /stored フォルダ総務部 令和5年度\/令和6年度 as draft/);
  assert.equal((result.stdout.match(/: stored /g) ?? []).length, 3);
  assert.match(result.stdout, /broken\.json\s+\d+:\d+: /);
  assert.match(result.stderr, /mokuhyo: error: .*broken\.json:\d+/);
  assert.ok((await departments()).includes('フォルダ総務部'));
  const goals = await db.kysely.selectFrom('goal').select('id').execute();
  assert.ok(goals.length > 0);
});

test('--dry-run --json on a folder: the documents on stdout, the table on stderr, nothing written', async () => {
  const good = await mkdtemp(join(tmpdir(), 'mokuhyo-folder-ok-'));
  await writeFile(
    join(good, 'a.json'),
    JSON.stringify(makeDocument({ department: '乾燥部', planYear: 2023 })),
  );
  await writeFile(
    join(good, 'b.json'),
    JSON.stringify(makeDocument({ department: '試走部', planYear: 2023 })),
  );
  const result = await runCli(['import', good, '--dry-run', '--json'], env);
  assert.equal(result.status, 0, result.stderr);
  const docs = JSON.parse(result.stdout) as { department: string }[];
  assert.deepEqual(
    docs.map((d) => d.department),
    ['乾燥部', '試走部'],
  );
  assert.match(result.stderr, /2 read, 0 failed/);
  assert.ok(!(await departments()).includes('乾燥部'));
});
