// The demo city with a fiscal year the department has rated (issue 10, item 4): used by the route
// test and the browser test, so both look at the same story.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Assessment } from '../../db/tables/workflow.ts';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { createGoal } from '../../domain/goals/goal-edit.service.ts';
import { createItem } from '../../domain/goals/item-edit.service.ts';
import { loadAssessments } from '../../domain/workflow/final.repo.ts';
import { saveAssessment } from '../../domain/workflow/final.service.ts';
import { openPhaseEarly } from '../../domain/workflow/phase-opening.service.ts';
import { setPhaseStatus } from '../../domain/workflow/phase-status.repo.ts';
import { openFiscalYear } from '../../domain/workflow/year.service.ts';
import { demoDepartmentId, demoMunicipalityId } from '../../test-support/demo-ids.ts';
import { makeUser } from '../../test-support/users.ts';

export const RATED_YEAR = 2026;
export const RATED_DEPARTMENT = '市民生活部';
export const GOAL_1_REASON = '参加者は目標に届かなかったが、内容の満足度が高かったため';

/** Goal 1 has a numeric target the actual misses (95 %); goals 2–5 have none; goal 6's target is 未報告. */
export const RATED_GOALS: Array<{ title: string; target: string; achievement: string; rating?: Assessment }> =
  [
    {
      title: '一体評価 研修の充実',
      target: '研修の参加者 100人以上',
      achievement: '研修の参加者 95人',
      rating: 'achieved',
    },
    {
      title: '一体評価 方針の策定',
      target: '年度内に方針を策定する',
      achievement: '方針を策定した',
      rating: 'achieved',
    },
    {
      title: '一体評価 窓口の改善',
      target: '窓口の案内を見直す',
      achievement: '案内を見直した',
      rating: 'achieved',
    },
    {
      title: '一体評価 地域連携',
      target: '地域団体との連携を進める',
      achievement: '連携協定を結んだ',
      rating: 'achieved',
    },
    {
      title: '一体評価 情報発信',
      target: '情報発信を充実させる',
      achievement: '広報紙を刷新した',
      rating: 'achieved',
    },
    { title: '一体評価 相談体制', target: '相談件数 50件以上', achievement: '集計中' },
  ];

/**
 * Opens 2026, writes both blocks of 市民生活部 through the editor's services, rates goals 1–5 達成
 * through the 期末報告 service (what /staff/workflow/…/final posts), and publishes both blocks.
 * The other departments stay unpublished for the year. Returns the department's id.
 */
export async function rateDemoYear(db: Kysely<Database>): Promise<number> {
  const municipalityId = await demoMunicipalityId(db);
  const departmentId = await demoDepartmentId(db, RATED_DEPARTMENT);
  const planning = await makeUser(db, municipalityId, 'planning');
  const editor = await makeUser(db, municipalityId, 'editor', departmentId);
  await openFiscalYear(db, planning.actor, { year: RATED_YEAR });
  for (const g of RATED_GOALS) {
    for (const [block, note] of [
      ['plan', g.target],
      ['review', g.achievement],
    ] as const) {
      const goal = await createGoal(db, editor.actor, {
        departmentId,
        year: RATED_YEAR,
        block,
        title: g.title,
      });
      await createItem(db, editor.actor, {
        goalId: goal.id,
        unit: null,
        text: `${g.title}の取組`,
        note,
      });
    }
  }
  const fiscalYearId = (await findFiscalYearId(db, municipalityId, RATED_YEAR)) ?? assert.fail('no 2026');
  // 期末報告 opens after the 中間報告 is accepted; planning opens it early for this story (audited).
  await openPhaseEarly(db, planning.actor, { departmentId, year: RATED_YEAR, phase: 'final' });
  for (const row of await loadAssessments(db, departmentId, fiscalYearId)) {
    const rating = RATED_GOALS.find((g) => g.title === row.title)?.rating;
    if (!rating) continue;
    const reason = row.no === 1 ? GOAL_1_REASON : '';
    await saveAssessment(db, editor.actor, {
      goalId: row.goalId,
      assessment: rating,
      reason,
      version: 0,
    });
  }
  // Publishing follows the workflow's rules (not this issue's); here both blocks are simply made public.
  await setPhaseStatus(
    db,
    { departmentId: departmentId, fiscalYearId: fiscalYearId, phase: 'goal_setting' },
    'published',
    'overwrite',
  );
  await setPhaseStatus(
    db,
    { departmentId: departmentId, fiscalYearId: fiscalYearId, phase: 'final' },
    'published',
    'overwrite',
  );
  return departmentId;
}
