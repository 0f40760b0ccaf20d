import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportTables } from '../../exporters/export.service.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';
import { pairGoals } from '../../views/goal-pairs.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { copyPlanToNextYear, startYearEndReport } from '../goals/block-copy.service.ts';
import { moveGoal } from '../goals/goal-edit.service.ts';
import { findMunicipality } from '../municipalities/municipality.repo.ts';
import { staffReader } from '../publication/reader.ts';
import { goalPairsByPosition, pairPlanGoal } from './pairing.service.ts';

let editor: TestUser;
let viewer: TestUser;
let dept: number;
const demo = useDemoApp(async ({ db }) => {
  const municipalityId = await demoMunicipalityId(db.kysely);
  dept = await demoDepartmentId(db.kysely, '市民生活部');
  editor = await makeUser(db.kysely, municipalityId, 'editor', dept);
  viewer = await makeUser(db.kysely, municipalityId, 'viewer');
});

async function table2026() {
  const db = demo.db.kysely;
  const municipality = await findMunicipality(db, 'minatodai');
  const department = await getDepartment(db, dept);
  assert.ok(municipality && department);
  return staffReader(db, municipality, { includeDrafts: true }).table(department, 2026);
}

const rowTitles = async () => {
  const { document, lineagePairs } = await table2026();
  return pairGoals(document, lineagePairs).map((p) => [p.no, p.review?.title ?? null, p.plan?.title ?? null]);
};

const goalsOf = (year: number, block: 'plan' | 'review') =>
  demo.db.kysely
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select(['goal.id', 'goal.no', 'goal.title', 'goal.version'])
    .where('goal.department_id', '=', dept)
    .where('fy.year', '=', year)
    .where('goal.block', '=', block)
    .orderBy('goal.position')
    .execute();

describe('the 一覧表 pairs its two halves by lineage (issue 10 item 7)', () => {
  it('keeps each copied goal beside its source after goal 2 moves up', async () => {
    const db = demo.db.kysely;
    await copyPlanToNextYear(db, editor.actor, { departmentId: dept, year: 2025 });
    await startYearEndReport(db, editor.actor, { departmentId: dept, year: 2025 });
    const [, second] = await goalsOf(2026, 'plan');
    assert.ok(second);
    await moveGoal(db, editor.actor, { goalId: second.id, version: second.version, direction: 'up' });
    const rows = await rowTitles();
    assert.equal(rows.length, 5);
    for (const [, review, plan] of rows)
      assert.equal(review, plan, 'each row pairs a goal with its own copy');
    assert.equal(rows[0]?.[2], second.title, 'rows follow the plan order');
    assert.equal(await goalPairsByPosition(db, second.id), false, 'every row is paired by lineage');
  });

  it('the pairing is a field of the loaded table, not of its document: the interchange JSON is unchanged', async () => {
    const { document, lineagePairs } = await table2026();
    assert.equal(lineagePairs.size, 5, 'each plan goal has its partner');
    for (const [plan, review] of lineagePairs) {
      assert.ok(document.plan.goals.includes(plan) && document.review.goals.includes(review));
    }
    assert.deepEqual(Object.keys(document).sort(), ['department', 'plan', 'review', 'warnings']);
    assert.deepEqual(JSON.parse(JSON.stringify(document)), document, 'nothing hidden travels with it');
    // Without the pairing the same document pairs by position: goal 2 moved up, so rows cross.
    const byPosition = pairGoals(document).map((p) => [p.review?.title ?? null, p.plan?.title ?? null]);
    assert.ok(byPosition.some(([review, plan]) => review !== plan));
  });

  it('the HTML export of the stored table pairs its rows by lineage too', async () => {
    const out = await exportTables(demo.db.kysely, {
      municipality: 'minatodai',
      department: String(dept),
      planYear: 2026,
      audience: { includeDrafts: true },
      format: 'html',
    });
    const rows = [...String(out.body).matchAll(/<tr class="goal__title-row">([\s\S]*?)<\/tr>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/<span class="goal__text">([^<]*)<\/span>/g)].map((t) => t[1]),
    );
    assert.equal(rows.length, 5);
    for (const [review, plan] of rows) assert.equal(review, plan, 'each row pairs a goal with its own copy');
  });

  it('an editor pairs a plan goal explicitly; the choice is audited and the rows follow it', async () => {
    const db = demo.db.kysely;
    const plans = await goalsOf(2026, 'plan');
    const reviews = await goalsOf(2025, 'review');
    const [p1, p2] = plans;
    const [r1, r2] = [reviews.find((r) => r.title === p1?.title), reviews.find((r) => r.title === p2?.title)];
    assert.ok(p1 && p2 && r1 && r2);
    // p1 now says it continues r2: its old link and r2's link to p2 are rejected; p2 and r1 fall back to position.
    await pairPlanGoal(db, editor.actor, { planGoalId: p1.id, reviewGoalId: r2.id });
    const rows = await rowTitles();
    assert.deepEqual(rows[0], [p1.no, r2.title, p1.title]);
    assert.equal(await goalPairsByPosition(db, p1.id), true, 'p2 is now paired by position');
    const audit = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'lineage.pair')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_login, editor.login);
    assert.equal(audit.entity_id, p1.id);
    assert.deepEqual(JSON.parse(audit.before_json ?? 'null'), { continues: [r1.id] });
    const links = await db
      .selectFrom('goal_link')
      .select(['from_goal_id', 'to_goal_id', 'status'])
      .where('kind', '=', 'continues')
      .where('status', '!=', 'rejected')
      .where('to_goal_id', 'in', [p1.id, p2.id])
      .execute();
    assert.deepEqual(links, [{ from_goal_id: r2.id, to_goal_id: p1.id, status: 'manual' }]);
  });

  it('refuses a viewer, changing nothing', async () => {
    const db = demo.db.kysely;
    const [p1] = await goalsOf(2026, 'plan');
    const [r1] = await goalsOf(2025, 'review');
    assert.ok(p1 && r1);
    const count = async () =>
      (await db.selectFrom('audit_event').select('id').where('action', '=', 'lineage.pair').execute()).length;
    const before = await count();
    await assert.rejects(pairPlanGoal(db, viewer.actor, { planGoalId: p1.id, reviewGoalId: r1.id }), {
      code: 'FORBIDDEN',
    });
    assert.equal(await count(), before);
  });
});
