import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import type { Actor } from '../auth/actor.ts';
import { evaluateDepartmentYear } from './evaluate.service.ts';
import { departmentId, editorOf, findItem, findTarget, planningOf } from './evaluation.testkit.ts';
import {
  type GradeScaleInput,
  getGradeScale,
  regradeYear,
  removeSelfAssessment,
  setGradeScale,
  setSelfAssessment,
} from './grade.service.ts';
import { GRADE_PRESETS } from './grades.ts';
import { removeIndicator, setIndicator } from './indicator.service.ts';

describe('grade scales, self-assessment and indicators (demo city)', () => {
  let db: TestDb;
  let somu: number;
  let municipalityId: number;
  let editor: Actor;
  let stranger: Actor;
  const view = () => evaluateDepartmentYear(db.kysely, somu, 2023);
  // 2023 is published in the demo: a scale from 2023 grades it only once planning re-grades it.
  const gradeWith = async (input: GradeScaleInput) => {
    await setGradeScale(db.kysely, planningOf(municipalityId), municipalityId, { ...input, fromYear: 2023 });
    await regradeYear(db.kysely, planningOf(municipalityId), municipalityId, 2023);
  };

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    somu = await departmentId(db.kysely, '総務部');
    municipalityId = (await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id;
    editor = editorOf(municipalityId, somu);
    stranger = editorOf(municipalityId, await departmentId(db.kysely, '健康福祉部'));
  });
  after(() => db.destroy());

  test('the stored scale changes the grades; a preview scale changes them without storing', async () => {
    const floor = () => view().then((v) => findTarget(v, '公共施設等総合管理計画', '1.0%以上'));
    const office = () => view().then((v) => findTarget(v, 'フリーアドレス', '3課以上'));
    assert.deepEqual([(await floor()).grade, (await office()).grade], ['未達成', '達成']);

    await assert.rejects(setGradeScale(db.kysely, editor, municipalityId, { preset: 'a_to_d' }), {
      code: 'FORBIDDEN',
    });
    await gradeWith({ preset: 'a_to_d' });
    const audit = await db.kysely
      .selectFrom('audit_event')
      .select(['action', 'summary', 'before_json'])
      .where('action', '=', 'grade_scale.set')
      .executeTakeFirstOrThrow();
    assert.equal(audit.action, 'grade_scale.set');
    assert.match(audit.summary, /A\/B\/C\/D/);
    assert.match(audit.before_json ?? '', /概ね達成/);
    assert.equal((await getGradeScale(db.kysely, municipalityId)).preset, 'a_to_d');
    assert.deepEqual([(await floor()).grade, (await office()).grade], ['C', 'A']);

    const preview = await evaluateDepartmentYear(db.kysely, somu, 2023, { scale: GRADE_PRESETS.s_to_c });
    assert.equal(findTarget(preview, 'フリーアドレス', '3課以上').grade, 'S');
    assert.deepEqual(
      preview.rollUp.goals.byGrade.map((g) => g.label),
      ['S', 'A', 'B', 'C'],
    );

    await gradeWith({
      preset: 'custom',
      name: '二段階',
      bands: [
        { label: '○', minRate: 95 },
        { label: '×', minRate: 0 },
      ],
    });
    assert.deepEqual([(await floor()).grade, (await office()).grade], ['×', '○']);
    await assert.rejects(
      setGradeScale(db.kysely, planningOf(municipalityId), municipalityId, {
        preset: 'custom',
        name: '壊れた',
        bands: [{ label: '○', minRate: 95 }],
      }),
      { code: 'INVALID_INPUT' },
    );
    await gradeWith({ preset: 'achievement' });
  });

  test('a qualitative item is graded by self-assessment, which the goal roll-up counts', async () => {
    const before = await view();
    const ai = findItem(before, '生成AIの試行導入');
    assert.deepEqual([ai.kind, ai.grade, ai.status], ['qualitative', null, 'qualitative']);
    const unassessed = before.rollUp.items.unassessed;
    assert.ok(unassessed >= 1);

    await assert.rejects(setSelfAssessment(db.kysely, stranger, ai.id, { grade: '達成' }), {
      code: 'FORBIDDEN',
    });
    await assert.rejects(setSelfAssessment(db.kysely, editor, ai.id, { grade: 'S' }), {
      code: 'INVALID_INPUT',
    });
    const reviewItem = findItem(before, '行政手続のオンライン化').reviewItem;
    assert.ok(reviewItem);
    await assert.rejects(setSelfAssessment(db.kysely, editor, reviewItem.id, { grade: '達成' }), {
      code: 'INVALID_INPUT',
    });

    await setSelfAssessment(db.kysely, editor, ai.id, {
      grade: '未達成',
      comment: ' ガイドライン策定は完了、試行は遅れた ',
    });
    const assessed = await view();
    const item = findItem(assessed, '生成AIの試行導入');
    assert.deepEqual(
      [item.grade, item.selfAssessment?.comment, item.selfAssessment?.by],
      ['未達成', 'ガイドライン策定は完了、試行は遅れた', editor.login],
    );
    assert.equal(assessed.rollUp.items.unassessed, unassessed - 1);
    const goalBefore = before.goals.find((g) => g.items.some((i) => i.id === ai.id));
    const goalAfter = assessed.goals.find((g) => g.items.some((i) => i.id === ai.id));
    // 未達成 stands for 40 % (the middle of 0–80), pulling the goal's mean down.
    assert.ok((goalAfter?.rate ?? 0) < (goalBefore?.rate ?? 0));
    assert.equal(goalAfter?.worstGrade, '未達成');

    // A scale without that grade leaves the assessment stored but the item 未評価.
    await gradeWith({ preset: 'abc' });
    const stale = findItem(await view(), '生成AIの試行導入');
    assert.deepEqual([stale.grade, stale.selfAssessment?.inScale], [null, false]);
    await gradeWith({ preset: 'achievement' });

    assert.equal(await removeSelfAssessment(db.kysely, editor, ai.id), true);
    assert.equal(findItem(await view(), '生成AIの試行導入').selfAssessment, null);
  });

  test('a target becomes an outcome or activity indicator with baseline and long-term target', async () => {
    const t = findTarget(await view(), '避難行動要支援者', '40%以上');
    const input = {
      kind: 'outcome' as const,
      name: '個別避難計画の作成率',
      baseline: { value: 18.2, date: '2022-03-31' },
      longTerm: { value: 100, year: 2027 },
    };
    await assert.rejects(setIndicator(db.kysely, stranger, t.target.id, input), { code: 'FORBIDDEN' });
    await assert.rejects(
      setIndicator(db.kysely, editor, t.target.id, { ...input, baseline: { value: 1, date: '2022-13-01' } }),
      { code: 'INVALID_INPUT' },
    );
    await setIndicator(db.kysely, editor, t.target.id, input);
    const marked = findTarget(await view(), '避難行動要支援者', '40%以上');
    assert.deepEqual(marked.indicator, {
      kind: 'outcome',
      kindLabel: '成果指標',
      name: '個別避難計画の作成率',
      baseline: { value: 18.2, date: '2022-03-31' },
      longTerm: { value: 100, year: 2027 },
    });
    assert.deepEqual([marked.actual?.value, marked.rate], [31.5, 78.8]);
    await setIndicator(db.kysely, editor, t.target.id, { kind: 'activity' });
    const activity = findTarget(await view(), '避難行動要支援者', '40%以上').indicator;
    assert.deepEqual([activity?.kindLabel, activity?.baseline, activity?.longTerm], ['活動指標', null, null]);
    assert.equal(await removeIndicator(db.kysely, editor, t.target.id), true);
    assert.equal(findTarget(await view(), '避難行動要支援者', '40%以上').indicator, null);
  });
});
