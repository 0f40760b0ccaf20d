import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  evaluateDepartmentYear,
  type GoalEvaluation,
  type ItemEvaluation,
} from '../domain/evaluation/index.ts';
import { findMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { departmentIdOf, returnPhase } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { createApp } from '../web/app.tsx';
import { goalMarkText, markText } from './ichiran-marks.ts';

describe('evaluation marks on the public 一覧表', () => {
  let db: TestDb;
  let base: string;
  let departmentId: number;
  const html = async (url: string) => {
    const res = await createApp(db.kysely).request(url);
    assert.equal(res.status, 200, url);
    return res.text();
  };
  const markCount = (page: string) => page.split('class="item__mark"').length - 1;

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    const m = await findMunicipality(db.kysely, 'minatodai');
    assert.ok(m);
    departmentId = await departmentIdOf(db.kysely, m.id, '総務部');
    base = `/m/${m.code}/d/${departmentId}`;
  });
  after(() => db.destroy());

  it('leaves the default page without marks and offers the link', async () => {
    const page = await html(`${base}/2023`);
    assert.equal(markCount(page), 0);
    assert.ok(page.includes(`<a href="${base}/2023?marks=1">評価を表示</a>`));
  });

  it('shows a mark in words beside every plan item with ?marks=1', async () => {
    const page = await html(`${base}/2023?marks=1`);
    const evaluation = await evaluateDepartmentYear(db.kysely, departmentId, 2023);
    const items = evaluation.goals.flatMap((g) => g.items);
    assert.ok(items.length > 0);
    assert.equal(markCount(page), items.length);
    for (const item of items) assert.ok(page.includes(`評価: ${markText(item)}</p>`), item.text);
    for (const goal of evaluation.goals) {
      assert.ok(page.includes(`<span class="goal__mark">評価: ${goalMarkText(goal)}</span>`), goal.title);
    }
    assert.ok(page.includes(`<a href="${base}/2023">評価を隠す</a>`));
  });

  it('shows nothing for a year whose achievements are not public', async () => {
    const latest = await html(`${base}/2025?marks=1`);
    assert.equal(markCount(latest), 0);
    assert.ok(!latest.includes('評価を表示') && !latest.includes('評価を隠す'));
    await returnPhase(db.kysely, { departmentId, year: 2023, phase: 'final' });
    assert.equal(markCount(await html(`${base}/2023?marks=1`)), 0);
  });

  it('words a mark by grade, adding the status when the scale names it differently', () => {
    const item = (over: Partial<ItemEvaluation>) =>
      ({ status: 'achieved', grade: '達成', ...over }) as ItemEvaluation;
    assert.equal(markText(item({})), '達成');
    assert.equal(markText(item({ status: 'partly', grade: 'B' })), 'B（概ね達成）');
    assert.equal(markText(item({ status: 'unreported', grade: null })), '未報告');
    assert.equal(markText(item({ status: 'qualitative', grade: null })), '未評価');
    assert.equal(markText(item({ status: 'qualitative', grade: 'A' })), 'A');
  });

  it('words a goal mark by the goal grade rule, with the department rating beside computed grades', () => {
    const rating = { assessment: 'achieved' as const, grade: '達成', reason: '', by: 'e', updatedAt: '' };
    const goal = (over: Partial<GoalEvaluation>) =>
      ({ grade: null, gradeSource: null, selfAssessment: null, disagrees: false, ...over }) as GoalEvaluation;
    assert.equal(goalMarkText(goal({})), '未評価');
    assert.equal(
      goalMarkText(goal({ grade: '達成', gradeSource: 'self', selfAssessment: rating })),
      '達成（部局の自己評価）',
    );
    assert.equal(goalMarkText(goal({ grade: '達成', gradeSource: 'computed' })), '達成');
    assert.equal(
      goalMarkText(
        goal({ grade: '概ね達成', gradeSource: 'computed', selfAssessment: rating, disagrees: true }),
      ),
      '概ね達成（部局の自己評価 達成・数値目標からの評価と異なる）',
    );
  });
});
