import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { colonForm } from '../src/test-support/city-workbook.ts';
import { docxBytes, xlsBytes } from '../src/test-support/mistaken-files.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli } from './cli-harness.ts';

let db: TestDb;
let env: Record<string, string>;
let work: string;

before(async () => {
  db = await createTestDb();
  // No LibreOffice on this PATH, whatever the machine has: the refusal is what is tested here.
  env = { DATABASE_URL: db.url, PATH: '/nonexistent' };
  work = await mkdtemp(join(tmpdir(), 'mokuhyo-h11-'));
});
after(() => db.destroy());

const stored = async () => (await db.kysely.selectFrom('source_document').select('id').execute()).length;

test('a .xls without LibreOffice and a .docx exit 2 naming the file, in English, nothing written', async () => {
  for (const [name, bytes, message] of [
    ['old.xls', xlsBytes(), /legacy Excel \.xls workbook cannot be read.*save it as \.xlsx/],
    ['table.docx', docxBytes(), /a Word document cannot be imported \(\.docx\)/],
    ['empty.txt', new Uint8Array(), /the file is empty/],
  ] as const) {
    const file = join(work, name);
    await writeFile(file, bytes);
    const result = await runCli(['import', file], env);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`${name.replace('.', '\\.')}: `));
    assert.match(result.stderr, message);
    assert.equal(await stored(), 0);
  }
});

test('a city workbook with years out of order exits 2 naming the sheet row', async () => {
  const file = join(work, 'city.xlsx');
  const content = {
    review: [{ no: 1, text: '説明会', note: '開催' }],
    plan: [{ no: 1, text: '説明会', note: '年2回' }],
  };
  await writeFile(file, await colonForm(content, ['令和3年度', '令和5年度']));
  const result = await runCli(['import', file, '--dry-run'], env);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /city\.xlsx:2: .*must follow the review year/);
});

test('a city workbook imports with --dry-run --json to the interchange document', async () => {
  const file = join(work, 'city-ok.xlsx');
  const content = {
    review: [{ no: 1, text: '説明会', note: '開催' }],
    plan: [{ no: 1, text: '説明会', note: '年2回' }],
  };
  await writeFile(file, await colonForm(content));
  const result = await runCli(['import', file, '--dry-run', '--json'], env);
  assert.equal(result.status, 0, result.stderr);
  const doc = JSON.parse(result.stdout);
  assert.equal(doc.plan.goals[0].items[0].target, '年2回');
  assert.deepEqual(doc.plan.goals[0].items[0].quantities[0].value, 2);
});
