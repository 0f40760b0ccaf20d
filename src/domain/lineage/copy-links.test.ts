import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { insertUncheckedLinks } from '../../test-support/forced-state.repo.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';
import { presentLineage } from '../../web/lineage/lineage.presenter.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { copyPlanToNextYear, startYearEndReport } from '../goals/block-copy.service.ts';
import { setPhaseStatus } from '../workflow/phase-status.repo.ts';
import { type DepartmentHistory, goalsAcrossYears } from './across-years.service.ts';

let editor: TestUser;
let dept: number;
const demo = useDemoApp(async ({ db }) => {
  dept = await demoDepartmentId(db.kysely, '市民生活部');
  editor = await makeUser(db.kysely, await demoMunicipalityId(db.kysely), 'editor', dept);
});

/** How many times each goal id is shown across all threads. */
function appearances(history: DepartmentHistory): Map<number, number> {
  const seen = new Map<number, number>();
  for (const t of history.threads) {
    for (const s of t.steps) {
      for (const g of [s.plan, s.review]) if (g) seen.set(g.goalId, (seen.get(g.goalId) ?? 0) + 1);
    }
  }
  return seen;
}

async function goalIdsOf(departmentId: number): Promise<number[]> {
  const rows = await demo.db.kysely
    .selectFrom('goal')
    .select('id')
    .where('department_id', '=', departmentId)
    .execute();
  return rows.map((r) => r.id);
}

describe('copying a year keeps its lineage (issue 10 item 7)', () => {
  it('copies the 2025 plan into 2026 with a confirmed 継続 link from each source, shown once on its chain', async () => {
    const db = demo.db.kysely;
    const result = await copyPlanToNextYear(db, editor.actor, { departmentId: dept, year: 2025 });
    const links = await db
      .selectFrom('goal_link')
      .selectAll()
      .where(
        'to_goal_id',
        'in',
        result.goals.map((g) => g.id),
      )
      .execute();
    assert.deepEqual(
      links.map((l) => [l.kind, l.status, l.from_goal_id, l.to_goal_id, l.decided_by]).sort(),
      result.goals.map((g) => ['continues', 'confirmed', g.copiedFrom, g.id, editor.login]).sort(),
    );
    const history = await goalsAcrossYears(db, dept);
    const shown = appearances(history);
    for (const id of await goalIdsOf(dept)) assert.equal(shown.get(id), 1, `goal ${id} shown once`);
    for (const copy of result.goals) {
      const thread = history.threads.find((t) => t.steps.some((s) => s.plan?.goalId === copy.id));
      assert.ok(thread, `copy ${copy.id} has a thread`);
      const step = thread.steps.find((s) => s.plan?.goalId === copy.id);
      assert.equal(step?.arrival, 'continued');
      assert.ok(
        thread.steps.some((s) => s.fiscalYear === 2025 && s.plan?.goalId === copy.copiedFrom),
        'on the chain of its source',
      );
    }
  });

  it('the public lineage page shows each copied goal once, as 継続, once 2026 is published', async () => {
    const db = demo.db.kysely;
    const municipalityId = await demoMunicipalityId(db);
    const fy = await findFiscalYearId(db, municipalityId, 2026);
    assert.ok(fy);
    // A draft plan stays off the public page, links or not.
    const draft = await presentLineage(db, 'minatodai', dept);
    assert.equal(draft.threads.flatMap((t) => t.steps.filter((s) => s.year === 2026)).length, 0);
    await setPhaseStatus(
      db,
      { departmentId: dept, fiscalYearId: fy, phase: 'goal_setting' },
      'published',
      'overwrite',
    );
    const view = await presentLineage(db, 'minatodai', dept);
    const steps2026 = view.threads.flatMap((t) => t.steps.filter((s) => s.year === 2026));
    assert.equal(steps2026.length, 5);
    for (const s of steps2026) assert.deepEqual(s.marks, ['continued']);
    const titles = view.threads.map((t) => t.title);
    assert.equal(new Set(titles).size, titles.length, 'no goal heads two threads');
    const res = await demo.app.request(`/m/minatodai/d/${dept}/lineage`);
    const html = await res.text();
    // Only 多文化共生 (new in 2025) is 新規; none of the copies.
    assert.equal(html.match(/lineage-mark--new/g)?.length ?? 0, 1);
    assert.equal(html.match(/2026年度<\/a>/g)?.length, 5);
  });

  it('starting the 2025 report links each review goal as the same goal and moves the 継続 link onto it', async () => {
    const db = demo.db.kysely;
    const report = await startYearEndReport(db, editor.actor, { departmentId: dept, year: 2025 });
    for (const r of report.goals) {
      const same = await db
        .selectFrom('goal_link')
        .selectAll()
        .where('from_goal_id', '=', r.copiedFrom)
        .where('to_goal_id', '=', r.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([same.kind, same.status], ['same', 'confirmed']);
      const onward = await db
        .selectFrom('goal_link')
        .select(['kind', 'status'])
        .where('from_goal_id', '=', r.id)
        .execute();
      assert.deepEqual(onward, [{ kind: 'continues', status: 'confirmed' }]);
    }
    const shown = appearances(await goalsAcrossYears(db, dept));
    for (const id of await goalIdsOf(dept)) assert.equal(shown.get(id), 1, `goal ${id} shown once`);
  });

  it('shows every goal exactly once even when links compete for it', async () => {
    const db = demo.db.kysely;
    const goals = await db
      .selectFrom('goal')
      .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
      .select(['goal.id', 'goal.block', 'fy.year'])
      .where('goal.department_id', '=', dept)
      .orderBy('goal.id')
      .execute();
    const of = (year: number, block: 'plan' | 'review') =>
      goals.filter((g) => g.year === year && g.block === block).map((g) => g.id);
    const [p1, p2] = of(2024, 'plan');
    const [r1, r2] = of(2024, 'review');
    const [n1] = of(2025, 'plan');
    assert.ok(p1 && p2 && r1 && r2 && n1);
    const municipalityId = await demoMunicipalityId(db);
    // Two plan goals claimed by one review goal, a 'same' across years, a second 継続 into one goal.
    await insertUncheckedLinks(db, municipalityId, [
      { kind: 'same', fromGoalId: p2, toGoalId: r1 },
      { kind: 'same', fromGoalId: p1, toGoalId: r2 },
      { kind: 'same', fromGoalId: n1, toGoalId: r1 },
      { kind: 'continues', fromGoalId: r2, toGoalId: n1 },
    ]);
    const shown = appearances(await goalsAcrossYears(db, dept));
    for (const id of await goalIdsOf(dept)) assert.equal(shown.get(id), 1, `goal ${id} shown once`);
  });
});
