import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { IchiranDocument } from '../src/format/document.schema.ts';
import { makeDocument, makeGoal, makeItem } from '../src/test-support/factories.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli } from './cli-harness.ts';

let db: TestDb;
let env: Record<string, string>;
let work: string;

before(async () => {
  db = await createTestDb();
  env = { DATABASE_URL: db.url };
  work = await mkdtemp(join(tmpdir(), 'mokuhyo-cli-undo-'));
});
after(async () => {
  await db.destroy();
});

async function file(name: string, doc: IchiranDocument): Promise<string> {
  const path = join(work, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

async function exported(): Promise<string> {
  const r = await runCli(
    ['export', '--municipality', 'cli', '--department', '戻す部', '--plan-year', '2023', '--format', 'json'],
    env,
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('mokuhyo import --undo ID puts the blocks back; a second undo exits 2 in English', async () => {
  const first = await runCli(
    ['import', await file('a.json', makeDocument({ department: '戻す部' })), '--municipality', 'cli'],
    env,
  );
  assert.equal(first.status, 0, first.stderr);
  const before = await exported();

  const revised = makeDocument({
    department: '戻す部',
    plan: {
      fiscalYear: 2023,
      goals: [makeGoal(1, [makeItem(1, { target: '新しい目標 5件' })], '差し替えた目標')],
    },
  });
  const second = await runCli(['import', await file('b.json', revised), '--municipality', 'cli'], env);
  assert.equal(second.status, 0, second.stderr);
  const id = /import (\d+) stored; to undo it: mokuhyo import --undo \1/.exec(second.stderr)?.[1];
  assert.ok(id, second.stderr);
  assert.notEqual(await exported(), before);

  const undo = await runCli(['import', '--undo', id], env);
  assert.equal(undo.status, 0, undo.stderr);
  assert.match(undo.stdout, new RegExp(`import ${id} undone: 2 block\\(s\\) restored`));
  assert.equal(await exported(), before);

  const again = await runCli(['import', '--undo', id], env);
  assert.equal(again.status, 2);
  assert.match(again.stderr, new RegExp(`import ${id} was already undone`));

  const missing = await runCli(['import', '--undo', '99999'], env);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no import 99999/);
});
