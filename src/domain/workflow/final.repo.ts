import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import type { Database } from '../../db/schema.ts';
import type { Assessment, FinalAssessmentRow } from '../../db/tables/workflow.ts';

/**
 * Every goal not fully achieved needs its reason: 未達成 obviously, and 概ね達成 too, because
 * "almost" still means a target was missed and readers of the published table ask why.
 */
export const NEEDS_REASON: ReadonlySet<Assessment> = new Set(['not_achieved', 'mostly']);

export interface GoalAssessment {
  goalId: number;
  no: number;
  title: string;
  assessment: FinalAssessmentRow | undefined;
}

/** The review-block goals of a department's fiscal year, each with its assessment so far. */
export async function loadAssessments(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
): Promise<GoalAssessment[]> {
  const goals = await db
    .selectFrom('goal')
    .select(['id', 'no', 'title'])
    .where('department_id', '=', departmentId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .where('block', '=', 'review')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const rows = await db
    .selectFrom('final_assessment')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .execute();
  return goals.map((g) => ({
    goalId: g.id,
    no: g.no,
    title: g.title,
    assessment: rows.find((r) => r.goal_id === g.id),
  }));
}

/**
 * The 期末報告 ratings of these review goals. The evaluation reads them as the department's
 * self-assessment of each goal, so the workflow's rating and the evaluation's are one stored value.
 */
export async function loadRatingsOfGoals(
  db: Kysely<Database>,
  goalIds: number[],
): Promise<Map<number, FinalAssessmentRow>> {
  if (goalIds.length === 0) return new Map();
  const rows = await inChunks(goalIds, (chunk) =>
    db.selectFrom('final_assessment').selectAll().where('goal_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.goal_id, r]));
}
