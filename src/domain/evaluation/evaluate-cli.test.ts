import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { TS_IMPORT } from '../../test-support/ts-import.ts';
import type { CityEvaluation, DepartmentEvaluation } from './evaluation.types.ts';

const entry = fileURLToPath(new URL('./evaluate-cli.testkit.ts', import.meta.url));

function run(
  args: string[],
  url: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TS_IMPORT, entry, 'evaluate', ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('mokuhyo evaluate', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
  });
  after(() => db.destroy());

  test('prints a department as a Japanese table', async () => {
    const { status, stdout, stderr } = await run(['--department', '総務部', '--year', '2023'], db.url);
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^みなと台市 総務部　令和5年度（2023年度） 目標と実績$/m);
    assert.match(stdout, /評価区分: 達成度（3段階）（達成 ≥100% \/ 概ね達成 ≥80% \/ 未達成 <80%）/);
    assert.match(
      stdout,
      /オンライン申請率 30%以上\s+27\.4%\s+91\.3%\s+概ね達成\s+概ね達成\s+2024-03-01\s+推定/,
    );
    assert.match(stdout, /施設延床面積 前年度比 1\.0%以上\s+0\.6%\s+60\.0%\s+未達成/);
    assert.match(stdout, /（定性）生成AIの試行導入と利用ルールの整備\s+未評価/);
    assert.match(stdout, /目標値 19件: 報告 19・未報告 0/);
  });

  test('--json prints the evaluation; --scale grades with a preset', async () => {
    const { status, stdout } = await run(
      ['--department', '総務部', '--year', '2023', '--json', '--scale', 's_to_c'],
      db.url,
    );
    assert.equal(status, 0);
    const view = JSON.parse(stdout) as DepartmentEvaluation;
    assert.equal(view.department.name, '総務部');
    assert.equal(view.scale.preset, 's_to_c');
    // 20 figures, of which `（全46課）` explains the DX推進リーダー target rather than being one (issue 10).
    assert.equal(view.rollUp.targets.total, 19);
  });

  test('without --department it prints the city', async () => {
    const text = await run(['--year', '2024'], db.url);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^健康福祉部\s+/m);
    const json = await run(['--year', '2024', '--json', '--municipality', 'minatodai'], db.url);
    const city = JSON.parse(json.stdout) as CityEvaluation;
    assert.deepEqual(city.departments.map((d) => d.name).sort(), [
      '健康福祉部',
      '市民生活部',
      '産業観光部',
      '総務部',
    ]);
  });

  test('bad input exits 2 with a message', async () => {
    const unknown = await run(['--department', '教育部', '--year', '2023'], db.url);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no department "教育部"/);
    assert.equal((await run(['--department', '総務部', '--year', 'R5'], db.url)).status, 2);
    assert.equal((await run(['--year', '2023', '--scale', 'xyz'], db.url)).status, 2);
  });
});
