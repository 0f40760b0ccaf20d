import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { evaluateDepartmentYear } from '../domain/evaluation/evaluate.service.ts';
import {
  departmentId,
  editorOf,
  findItem,
  findTarget,
  planningOf,
} from '../domain/evaluation/evaluation.testkit.ts';
import {
  regradeCandidates,
  regradeYear,
  removeSelfAssessment,
  setGradeScale,
  setSelfAssessment,
} from '../domain/evaluation/grade.service.ts';
import { clearMatch, rejectMatch } from '../domain/evaluation/match.service.ts';
import { correctQuantity } from '../domain/goals/quantity-edit.service.ts';
import { checkFtsIntegrity, forgetSearchGrades } from '../test-support/search-state.repo.ts';
import { setPhasesWhere } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { entryGrades, refreshAllGrades } from './grade-index.ts';

describe('grades on search entries follow the evaluation (demo city)', () => {
  let db: TestDb;
  let somu: number;
  let municipalityId: number;

  /** The stored grade of every entry: `goal:ID` for titles, `item:ID` for items. */
  const stored = async (where?: { departmentId: number; year: number }) => {
    let query = db.kysely.selectFrom('search_entry').select(['goal_id', 'item_id', 'grade', 'year', 'block']);
    if (where) query = query.where('department_id', '=', where.departmentId).where('year', '=', where.year);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.item_id === null ? `goal:${r.goal_id}` : `item:${r.item_id}`, r]));
  };
  const gradeOfItem = async (itemId: number) => (await stored()).get(`item:${itemId}`)?.grade;

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    somu = await departmentId(db.kysely, '総務部');
    municipalityId = (await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id;
  });
  after(() => db.destroy());

  test('every entry of an evaluated year carries the grade the evaluation gives it', async () => {
    const departments = await db.kysely
      .selectFrom('department')
      .select('id')
      .where('parent_id', 'is', null)
      .execute();
    let graded = 0;
    const labels = new Set<string>();
    for (const { id } of departments) {
      for (const year of [2023, 2024]) {
        const expected = entryGrades(await evaluateDepartmentYear(db.kysely, id, year));
        const rows = await stored({ departmentId: id, year });
        for (const [key, row] of rows) {
          const [kind, ref] = key.split(':');
          const want = (kind === 'goal' ? expected.goals : expected.items).get(Number(ref)) ?? null;
          assert.equal(row.grade, want, `${key} (${row.year} ${row.block})`);
          if (row.grade !== null) {
            graded += 1;
            labels.add(row.grade);
          }
        }
      }
    }
    assert.ok(graded > 200, `${graded} graded entries`);
    assert.deepEqual([...labels].sort(), ['未達成', '概ね達成', '達成'].sort());
  });

  test('a year without results (2025) or without targets (2022) has no grades', async () => {
    for (const row of (await stored()).values()) {
      if (row.year === 2025 || row.year === 2022) assert.equal(row.grade, null, `${row.year} ${row.block}`);
    }
  });

  test('the review side of a year carries the grade of the plan item it answers', async () => {
    const view = await evaluateDepartmentYear(db.kysely, somu, 2023);
    const item = findItem(view, '公共施設等総合管理計画');
    assert.ok(item.reviewItem, 'paired with a review item');
    assert.ok(item.grade);
    assert.equal(await gradeOfItem(item.id), item.grade);
    assert.equal(await gradeOfItem(item.reviewItem.id), item.grade);
  });

  test('a self-assessment grades a qualitative item at once, and its removal ungrades it', async () => {
    const view = await evaluateDepartmentYear(db.kysely, somu, 2024);
    const item = view.goals.flatMap((g) => g.items).find((i) => i.kind === 'qualitative' && i.grade === null);
    assert.ok(item, 'a qualitative item without a grade');
    assert.equal(await gradeOfItem(item.id), null);
    await setSelfAssessment(db.kysely, editorOf(municipalityId, somu), item.id, { grade: '概ね達成' });
    assert.equal(await gradeOfItem(item.id), '概ね達成');
    await removeSelfAssessment(db.kysely, editorOf(municipalityId, somu), item.id);
    assert.equal(await gradeOfItem(item.id), null);
    const trail = await db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'item')
      .where('entity_id', '=', item.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      trail.map((e) => e.action),
      ['assessment.set', 'assessment.remove'],
    );
  });

  test('rejecting a match ungrades a target left without results; clearing it grades it again', async () => {
    const view = await evaluateDepartmentYear(db.kysely, somu, 2023);
    const target = findTarget(view, '公共施設等総合管理計画', '1.0%以上');
    const item = findItem(view, '公共施設等総合管理計画');
    const before = await gradeOfItem(item.id);
    assert.equal(before, '未達成');
    const editor = editorOf(municipalityId, somu);
    await rejectMatch(db.kysely, editor, target.target.id);
    const after = findItem(await evaluateDepartmentYear(db.kysely, somu, 2023), '公共施設等総合管理計画');
    assert.notEqual(after.grade, before, 'the rejection changes the evaluation');
    assert.equal(await gradeOfItem(item.id), after.grade);
    await clearMatch(db.kysely, editor, target.target.id);
    assert.equal(await gradeOfItem(item.id), before);
    // Each decision is on the trail, against the target and its goal.
    const trail = await db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity_type', 'entity_id', 'goal_id', 'actor_login'])
      .where('entity_type', '=', 'quantity')
      .where('entity_id', '=', target.target.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      trail.map((e) => [e.action, e.goal_id, e.actor_login]),
      [
        ['match.reject', view.goals.find((g) => g.items.includes(item))?.id, editor.login],
        ['match.clear', view.goals.find((g) => g.items.includes(item))?.id, editor.login],
      ],
    );
  });

  test("an editor's correction of a target's number regrades its item", async () => {
    const view = await evaluateDepartmentYear(db.kysely, somu, 2023);
    const target = findTarget(view, '公共施設等総合管理計画', '1.0%以上');
    const item = findItem(view, '公共施設等総合管理計画');
    assert.equal(await gradeOfItem(item.id), '未達成');
    assert.ok(target.actual, 'the target has its result');
    // Editing needs the plan phase back in draft, as the workflow's 差し戻し would leave it.
    const phase = (status: 'draft' | 'published') =>
      setPhasesWhere(db.kysely, { departmentId: somu, year: 2023, phase: 'goal_setting' }, status);
    await phase('draft');
    try {
      const row = await db.kysely
        .selectFrom('item')
        .select('version')
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      await correctQuantity(db.kysely, editorOf(municipalityId, somu), {
        itemId: item.id,
        itemVersion: row.version,
        quantityId: target.target.id,
        value: target.actual.value,
        unit: target.target.unit,
        comparator: '>=',
      });
      assert.equal(await gradeOfItem(item.id), '達成', 'the result now meets the target');
    } finally {
      await phase('published');
    }
  });

  test('a new scale relabels the grades of the years it grades: unpublished ones, and re-graded ones', async () => {
    const count = async (grade: string) =>
      [...(await stored()).values()].filter((r) => r.grade === grade).length;
    const achieved = await count('達成');
    assert.ok(achieved > 0);
    const planning = planningOf(municipalityId);
    await setGradeScale(db.kysely, planning, municipalityId, { preset: 'abc', fromYear: 2000 });
    assert.equal(await count('達成'), achieved, 'every graded demo year is published and keeps its scale');
    const years = (await regradeCandidates(db.kysely, municipalityId)).map((c) => c.fiscalYear);
    for (const year of years) await regradeYear(db.kysely, planning, municipalityId, year);
    assert.equal(await count('達成'), 0);
    assert.equal(await count('A'), achieved, 'A/B/C keeps the default bands under letters');
    await setGradeScale(db.kysely, planning, municipalityId, { preset: 'achievement', fromYear: 2000 });
    for (const year of years) await regradeYear(db.kysely, planning, municipalityId, year);
    assert.equal(await count('達成'), achieved);
  });

  test('refreshAllGrades rebuilds what was lost, and the full-text index stays intact', async () => {
    const before = await stored();
    await forgetSearchGrades(db.kysely);
    assert.ok([...(await stored()).values()].every((r) => r.grade === null));
    const seen: number[] = [];
    const years = await refreshAllGrades(db.kysely, (done) => seen.push(done));
    assert.ok(years >= 12, `${years} department years`);
    assert.equal(seen.at(-1), years);
    assert.deepEqual(await stored(), before);
    if (db.engine === 'sqlite') await checkFtsIntegrity(db.kysely);
  });
});
