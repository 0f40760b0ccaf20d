import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { evaluateDepartmentYear } from '../../domain/evaluation/index.ts';
import { importPolicies, linkGoalToPolicy } from '../../domain/policies/policy.service.ts';
import { setPhasesWhere } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

describe('public goals by policy', () => {
  let db: TestDb;
  let code: string;
  let gradedTitle: string;
  let grade: string;
  let latestTitle: string;
  const page = async (url: string) => {
    const res = await createApp(db.kysely).request(url);
    assert.equal(res.status, 200, url);
    return res.text();
  };

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    const m = await db.kysely.selectFrom('municipality').selectAll().executeTakeFirstOrThrow();
    code = m.code;
    const planning = await makeUser(db.kysely, m.id, 'planning');
    await importPolicies(db.kysely, planning.actor, [
      {
        code: '1',
        name: '<安心>して暮らせるまち',
        children: [{ code: '1-1', name: '行政運営', children: [] }],
      },
    ]);
    const evaluation = await evaluateDepartmentYear(db.kysely, 1, 2023);
    const goal = evaluation.goals[0] ?? assert.fail('no goal');
    gradedTitle = goal.title;
    grade = goal.grade ?? '未評価';
    await linkGoalToPolicy(db.kysely, planning.actor, { goalId: goal.id, policyCode: '1-1' });
    const latest = await db.kysely
      .selectFrom('goal')
      .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
      .select(['goal.id', 'goal.title'])
      .where('fy.year', '=', 2025)
      .where('goal.block', '=', 'plan')
      .where('goal.department_id', '=', 1)
      .executeTakeFirstOrThrow();
    latestTitle = latest.title;
    await linkGoalToPolicy(db.kysely, planning.actor, { goalId: latest.id, policyCode: '1' });
  });
  after(() => db.destroy());

  it('lists the policies with the tied goals and their grades in words', async () => {
    const html = await page(`/m/${code}/policies/2023`);
    assert.ok(html.includes('<h2>1 &lt;安心&gt;して暮らせるまち</h2>'), 'policy names are escaped');
    assert.ok(html.includes('<h3>1-1 行政運営</h3>'));
    assert.ok(html.includes(`${gradedTitle}（評価: ${grade}）`));
    assert.ok(html.includes(`href="/m/${code}/d/1/2023"`));
  });

  it('shows a goal whose achievements are not public without a grade', async () => {
    const html = await page(`/m/${code}/policies/2025`);
    assert.ok(html.includes(`${latestTitle}（評価: 未公表）`));
    await setPhasesWhere(db.kysely, { departmentId: 1 }, 'draft');
    assert.ok(
      !(await page(`/m/${code}/policies/2025`)).includes(latestTitle),
      'unpublished goals are hidden',
    );
  });
});
