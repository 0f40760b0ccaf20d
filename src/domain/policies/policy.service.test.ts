import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { actor, departmentId, goalId, municipalityIdOf } from '../lineage/lineage.testkit.ts';
import { goalsByPolicy } from './goals-by-policy.ts';
import { importPolicies, linkGoalToPolicy, listPolicyNodes, unlinkGoalFromPolicy } from './policy.service.ts';
import { parsePolicyTree } from './policy-format.ts';

const code = (c: string) => (error: unknown) => error instanceof AppError && error.code === c;

const plan = `
1 安全・安心に暮らせるまち
  1-1 防災・減災対策の推進
  1-2 交通安全・防犯の推進
2 健康でいきいきと暮らせるまち
  2-1 地域共生社会の実現
3 効率的で開かれた行政運営
  3-1 デジタル化の推進
`;

describe('the comprehensive plan (総合計画) and goals by policy', () => {
  let db: TestDb;
  let m: number;
  let somu: number;
  let kenko: number;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    somu = await departmentId(db.kysely, '総務部');
    kenko = await departmentId(db.kysely, '健康福祉部');
    m = await municipalityIdOf(db.kysely, somu);
  });
  after(async () => {
    await db.destroy();
  });

  it('imports the tree (policy.manage), and re-importing matches nodes by code', async () => {
    await assert.rejects(
      importPolicies(db.kysely, actor(m, 'editor', somu), parsePolicyTree(plan)),
      code('FORBIDDEN'),
    );
    assert.deepEqual(await importPolicies(db.kysely, actor(m, 'planning'), parsePolicyTree(plan)), {
      added: 7,
      updated: 0,
      removed: 0,
      total: 7,
    });
    const ids = (await listPolicyNodes(db.kysely, m)).map((p) => [p.code, p.id]);
    const revised = `${plan.replace('3-1 デジタル化の推進', '3-1 DXの推進')}\n  3-2 行財政改革\n`;
    assert.deepEqual(await importPolicies(db.kysely, actor(m, 'admin'), parsePolicyTree(revised)), {
      added: 1,
      updated: 1,
      removed: 0,
      total: 8,
    });
    const again = await listPolicyNodes(db.kysely, m);
    for (const [c, id] of ids) assert.equal(again.find((p) => p.code === c)?.id, id, `${c} kept its id`);
    assert.equal(again.find((p) => p.code === '3-2')?.parent_id, again.find((p) => p.code === '3')?.id);
  });

  it('links goals: planning anywhere, an editor only in their own department', async () => {
    const dx = await goalId(db.kysely, somu, 2024, 'plan', 1);
    const bousai = await goalId(db.kysely, somu, 2024, 'plan', 2);
    const kyosei = await goalId(db.kysely, kenko, 2024, 'plan', 2);
    await linkGoalToPolicy(db.kysely, actor(m, 'planning'), { goalId: dx, policyCode: '3-1' });
    await linkGoalToPolicy(db.kysely, actor(m, 'planning'), { goalId: dx, policyCode: '3-1' });
    await linkGoalToPolicy(db.kysely, actor(m, 'editor', somu), { goalId: bousai, policyCode: '1-1' });
    await linkGoalToPolicy(db.kysely, actor(m, 'editor', kenko), { goalId: kyosei, policyCode: '2-1' });
    await assert.rejects(
      linkGoalToPolicy(db.kysely, actor(m, 'editor', kenko), { goalId: bousai, policyCode: '2-1' }),
      code('FORBIDDEN'),
    );
    await assert.rejects(
      unlinkGoalFromPolicy(db.kysely, actor(m, 'editor', kenko), { goalId: bousai, policyCode: '1-1' }),
      code('FORBIDDEN'),
    );
    await assert.rejects(
      linkGoalToPolicy(db.kysely, actor(m, 'planning'), { goalId: dx, policyCode: '9-9' }),
      code('NOT_FOUND'),
    );
  });

  it('reads goals by policy: tree order, plan and report side together, totals per subtree', async () => {
    const view = await goalsByPolicy(db.kysely, m, 2024);
    assert.deepEqual(
      view.map((p) => `${p.code}:${p.goals.length}/${p.totalGoals}`),
      ['1:0/1', '1-1:1/1', '1-2:0/0', '2:0/1', '2-1:1/1', '3:0/1', '3-1:1/1', '3-2:0/0'],
    );
    const dx = view.find((p) => p.code === '3-1')?.goals[0];
    assert.equal(dx?.departmentName, '総務部');
    assert.equal(dx?.plan?.title, '自治体DXの推進による市民サービスの向上と業務の効率化');
    // Reported in the 2025 table: the review goal of 2024 shares the link through lineage.
    assert.equal(dx?.review?.goalId, await goalId(db.kysely, somu, 2024, 'review', 1));
    assert.equal(dx?.linked, 'plan');
    assert.deepEqual(view.find((p) => p.code === '1-1')?.path, [
      '安全・安心に暮らせるまち',
      '防災・減災対策の推進',
    ]);
    assert.deepEqual(
      (await goalsByPolicy(db.kysely, m, 2023)).flatMap((p) => p.goals),
      [],
    );
  });

  it('refuses to drop a policy that goals point at', async () => {
    const without = plan.replace('  1-1 防災・減災対策の推進\n', '');
    await assert.rejects(
      importPolicies(db.kysely, actor(m, 'planning'), parsePolicyTree(without)),
      code('CONFLICT'),
    );
    await unlinkGoalFromPolicy(db.kysely, actor(m, 'editor', somu), {
      goalId: await goalId(db.kysely, somu, 2024, 'plan', 2),
      policyCode: '1-1',
    });
    const report = await importPolicies(db.kysely, actor(m, 'planning'), parsePolicyTree(without));
    assert.equal(report.removed, 2, '1-1 and 3-2');
    assert.equal((await goalsByPolicy(db.kysely, m, 2024)).find((p) => p.code === '1')?.totalGoals, 0);
  });
});
