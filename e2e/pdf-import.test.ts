/** `mokuhyo import` of PDFs as an operator runs it: a table PDF reads, a scan is refused with exit 2. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { IchiranDocument } from '../src/format/document.schema.ts';
import {
  assertSameDocument,
  expectedOf,
  fixturesDir,
  sourceOf,
} from '../src/importer/pdf/same-document.testkit.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli } from './cli-harness.ts';

const fixture = (name: string) => fileURLToPath(new URL(name, fixturesDir));
const timeout = 300_000;
let db: TestDb;
let env: Record<string, string>;

before(async () => {
  db = await createTestDb();
  env = { DATABASE_URL: db.url };
});
after(async () => {
  await db.destroy();
});

async function storedDocuments(): Promise<number> {
  return (await db.kysely.selectFrom('source_document').select('id').execute()).length;
}

test('import --dry-run --json of a PDF prints the document it shows', { timeout }, async () => {
  const result = await runCli(['import', '--dry-run', '--json', fixture('seed.pdf')], env);
  assert.equal(result.status, 0, result.stderr);
  assertSameDocument(JSON.parse(result.stdout) as IchiranDocument, sourceOf('seed'));
});

test('import --dry-run of a PDF printed by LibreOffice (a goal across pages) prints its document', {
  timeout,
}, async () => {
  const before = await storedDocuments();
  const result = await runCli(['import', '--dry-run', '--json', fixture('lo-sangyo-2024.pdf')], env);
  assert.equal(result.status, 0, result.stderr);
  assertSameDocument(JSON.parse(result.stdout) as IchiranDocument, expectedOf('lo-sangyo-2024'));
  const plain = await runCli(['import', '--dry-run', fixture('lo-sangyo-2024.pdf')], env);
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stdout, /産業振興部/);
  assert.equal(await storedDocuments(), before, 'a dry run writes nothing');
});

test('a scanned PDF exits 2 naming the file and page, saying what to do; nothing is written', {
  timeout,
}, async () => {
  const before = await storedDocuments();
  const scan = fixture('scan.pdf');
  const result = await runCli(['import', fixture('seed.pdf'), scan], env);
  assert.equal(result.status, 2);
  assert.ok(result.stderr.includes(`${scan}:page 1: the PDF has no text layer`), result.stderr);
  assert.match(result.stderr, /save the table from the original Excel file as PDF/);
  assert.equal(result.stdout, '');
  assert.equal(await storedDocuments(), before);
});
