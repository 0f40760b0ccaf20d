import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type DepartmentEvaluation,
  evaluateDepartmentYear,
  type GoalEvaluation,
} from '../../domain/evaluation/index.ts';
import { goalMarkText } from '../../presenters/ichiran-marks.ts';
import { search } from '../../search/search.service.ts';
import { useDemoApp } from '../../test-support/demo-app.ts';
import { TS_IMPORT } from '../../test-support/ts-import.ts';
import {
  RATED_DEPARTMENT as DEPARTMENT,
  GOAL_1_REASON,
  RATED_GOALS as GOALS,
  rateDemoYear,
  RATED_YEAR as YEAR,
} from './rated-year.testkit.ts';

const cli = fileURLToPath(new URL('../../domain/evaluation/evaluate-cli.testkit.ts', import.meta.url));

function runCli(
  args: string[],
  url: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TS_IMPORT, cli, 'evaluate', ...args], {
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

describe('one evaluation story: the department rated its goals (demo city, 2026)', () => {
  let departmentId = 0;
  let evaluation: DepartmentEvaluation;
  const demo = useDemoApp(async ({ db }) => {
    departmentId = await rateDemoYear(db.kysely);
    evaluation = await evaluateDepartmentYear(db.kysely, departmentId, YEAR);
  });
  const page = async (url: string) => {
    const res = await demo.app.request(url);
    assert.equal(res.status, 200, url);
    return res.text();
  };
  const goal = (no: number): GoalEvaluation =>
    evaluation.goals.find((g) => g.no === no) ?? assert.fail(`goal ${no}`);
  /** The part of the department dashboard about one goal. */
  const section = (html: string, no: number) => {
    const start = html.indexOf(`id="dash-goal-${no}"`);
    assert.ok(start > 0, `goal ${no} on the dashboard`);
    const end = html.indexOf('class="dash-goal"', start);
    return html.slice(start, end < 0 ? undefined : end);
  };

  test('goals 2–5 take the self-assessment as their grade, not 未評価', async () => {
    const html = await page(`/m/minatodai/d/${departmentId}/dashboard/${YEAR}`);
    for (const no of [2, 3, 4, 5]) {
      assert.equal(goal(no).grade, '達成');
      assert.equal(goal(no).gradeSource, 'self');
      const part = section(html, no);
      assert.ok(part.includes('評価: <strong>達成</strong>（部局の自己評価）'), part);
      assert.ok(!part.includes('未評価'), `goal ${no} is not 未評価`);
    }
  });

  test('goal 1 shows the computed grade beside the self-assessment, marks the disagreement and gives the reason', async () => {
    const g = goal(1);
    assert.deepEqual(
      [g.grade, g.computedGrade, g.selfAssessment?.grade, g.disagrees],
      ['概ね達成', '概ね達成', '達成', true],
    );
    const part = section(await page(`/m/minatodai/d/${departmentId}/dashboard/${YEAR}`), 1);
    assert.match(part, /数値目標からの評価<\/dt><dd><strong>概ね達成<\/strong>（達成率 95\.0%）/);
    assert.match(part, /部局の自己評価<\/dt><dd><strong>達成<\/strong><span class="dash-disagree">/);
    assert.ok(part.includes(`理由: ${GOAL_1_REASON}`));
    assert.equal(goal(6).grade, null, 'numbers unreported and no rating: 未評価');
  });

  test('averages count reported targets only, and departments without published results are 未公表', async () => {
    const headline = '平均達成率 95.0%（報告済み 1 件・未報告 1 件）';
    assert.ok((await page(`/m/minatodai/d/${departmentId}/dashboard/${YEAR}`)).includes(headline));
    const city = await page(`/m/minatodai/dashboard/${YEAR}`);
    assert.ok(city.includes(headline), 'the city headline is the same average');
    for (const other of ['総務部', '健康福祉部', '産業観光部']) {
      assert.match(city, new RegExp(`<th scope="row">${other}</th><td colspan="7">未公表`), other);
    }
    const cityCli = await runCli(['--year', String(YEAR), '--municipality', 'minatodai'], demo.db.url);
    assert.equal(cityCli.status, 0, cityCli.stderr);
    assert.ok(cityCli.stdout.includes(`全体: 概ね達成（${headline}）`), cityCli.stdout);
  });

  test('dashboard, 一覧表 marks, search grades and `mokuhyo evaluate` give the same grade for every goal', async () => {
    const dashboard = await page(`/m/minatodai/d/${departmentId}/dashboard/${YEAR}`);
    const marks = await page(`/m/minatodai/d/${departmentId}/${YEAR}?marks=1`);
    const run = await runCli(['--department', DEPARTMENT, '--year', String(YEAR), '--json'], demo.db.url);
    assert.equal(run.status, 0, run.stderr);
    const fromCli = JSON.parse(run.stdout) as DepartmentEvaluation;
    const text = await runCli(['--department', DEPARTMENT, '--year', String(YEAR)], demo.db.url);
    assert.ok(text.stdout.includes('平均達成率 95.0%（報告済み 1 件・未報告 1 件）'), text.stdout);
    assert.equal(evaluation.goals.length, GOALS.length);
    for (const g of evaluation.goals) {
      const shown = g.grade ?? '未評価';
      const part = section(dashboard, g.no);
      assert.ok(part.includes(`<strong>${shown}</strong>`), `dashboard goal ${g.no}`);
      assert.ok(goalMarkText(g).startsWith(shown), `mark text of goal ${g.no}`);
      assert.ok(
        marks.includes(`<span class="goal__mark">評価: ${goalMarkText(g)}</span>`),
        `一覧表 goal ${g.no}`,
      );
      const hits = (await search(demo.db.kysely, { q: g.title })).hits.filter((h) => !h.item);
      assert.ok(hits.length >= 1, `search finds goal ${g.no}`);
      for (const h of hits) assert.equal(h.grade, g.grade, `search grade of goal ${g.no}`);
      assert.equal(fromCli.goals.find((c) => c.no === g.no)?.grade, g.grade, `CLI --json goal ${g.no}`);
      assert.ok(text.stdout.includes(`■ ${g.no} ${g.title}　${shown}`), `CLI text goal ${g.no}`);
    }
  });
});
