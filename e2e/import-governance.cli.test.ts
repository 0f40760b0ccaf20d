import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { makeDocument } from '../src/test-support/factories.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { runCli } from './cli-harness.ts';

let db: TestDb;
let env: Record<string, string>;
let work: string;

before(async () => {
  db = await createTestDb();
  env = { DATABASE_URL: db.url };
  work = await mkdtemp(join(tmpdir(), 'mokuhyo-cli-gov-'));
});
after(async () => {
  await db.destroy();
});

async function tableFile(department: string, planYear: number): Promise<string> {
  const file = join(work, `${department}-${planYear}.json`);
  await writeFile(file, JSON.stringify(makeDocument({ department, planYear })));
  return file;
}

async function states(department: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('phase_status')
    .innerJoin('department', 'department.id', 'phase_status.department_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select(['fiscal_year.year', 'phase_status.phase', 'phase_status.status'])
    .where('department.name', '=', department)
    .orderBy('fiscal_year.year')
    .orderBy('phase_status.phase')
    .execute();
  return rows.map((r) => `${r.phase} ${r.year} ${r.status}`);
}

async function goalCount(): Promise<number> {
  return (await db.kysely.selectFrom('goal').select('id').execute()).length;
}

test('the CLI stores drafts unless --published, and --published is audited', async () => {
  const draft = await runCli(['import', await tableFile('下書き部', 2024), '--municipality', 'cli'], env);
  assert.equal(draft.status, 0, draft.stderr);
  assert.match(draft.stdout, /stored 下書き部 令和5年度\/令和6年度 as draft \(作成中\)/);
  assert.deepEqual(await states('下書き部'), ['final 2023 draft', 'goal_setting 2024 draft']);

  const history = await runCli(
    [
      'import',
      await tableFile('履歴部', 2020),
      await tableFile('履歴部', 2021),
      '--published',
      '--municipality',
      'cli',
    ],
    env,
  );
  assert.equal(history.status, 0, history.stderr);
  assert.match(history.stdout, /stored 履歴部 令和元年度\/令和2年度 as published/);
  assert.deepEqual(await states('履歴部'), [
    'final 2019 published',
    'final 2020 published',
    'goal_setting 2020 published',
    'goal_setting 2021 published',
  ]);
  const audit = await db.kysely
    .selectFrom('audit_event')
    .select(['action', 'actor_login'])
    .where('action', 'like', 'import%')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => `${a.action} ${a.actor_login}`),
    ['import system', 'import.published system', 'import.published system'],
  );
});

test('a published block is not overwritten by a draft import: the CLI names the block, nothing written', async () => {
  const before = await goalCount();
  const result = await runCli(['import', await tableFile('履歴部', 2021), '--municipality', 'cli'], env);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /履歴部 令和3年度（2021年度）の目標設定は「公表済み」です/);
  assert.equal(await goalCount(), before);
});

test('a plan year after next 年度 needs --allow-year (exit 2, names 和暦 and 西暦)', async () => {
  const file = await tableFile('未来部', 2049);
  const before = await goalCount();
  const refused = await runCli(['import', file, '--municipality', 'cli'], env);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /令和31年度（2049年度）/);
  assert.match(refused.stderr, /--allow-year/);
  assert.equal(await goalCount(), before);
  const allowed = await runCli(['import', file, '--allow-year', '--municipality', 'cli'], env);
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.deepEqual(await states('未来部'), ['final 2048 draft', 'goal_setting 2049 draft']);
});
