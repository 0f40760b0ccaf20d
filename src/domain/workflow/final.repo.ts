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

/** A goal with what an assessment of it needs: its block, department, city and year. */
export function findGoalToAssess(db: Kysely<Database>, goalId: number) {
  return db
    .selectFrom('goal')
    .innerJoin('department', 'department.id', 'goal.department_id')
    .select([
      'goal.id',
      'goal.no',
      'goal.department_id',
      'goal.fiscal_year_id',
      'goal.block',
      'department.municipality_id',
    ])
    .where('goal.id', '=', goalId)
    .executeTakeFirst();
}

/** The stored assessment of a goal, if any. */
export function findFinalAssessment(db: Kysely<Database>, goalId: number) {
  return db.selectFrom('final_assessment').selectAll().where('goal_id', '=', goalId).executeTakeFirst();
}

/** What an assessment save writes, apart from the row's identity and version. */
export interface AssessmentValues {
  assessment: Assessment;
  reason: string;
  actor_login: string;
  updated_at: string;
}

/** Writes over the assessment only if it is still at `seenVersion` (the caller checks one row changed). */
export function updateFinalAssessment(
  db: Kysely<Database>,
  id: number,
  seenVersion: number,
  values: AssessmentValues,
) {
  return db
    .updateTable('final_assessment')
    .set({ ...values, version: seenVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
}

/** The first assessment of a goal; a concurrent first save makes this insert nothing. */
export function insertFinalAssessment(
  db: Kysely<Database>,
  row: AssessmentValues & {
    goal_id: number;
    department_id: number;
    fiscal_year_id: number;
    created_at: string;
  },
) {
  return db
    .insertInto('final_assessment')
    .values({ ...row, version: 1 })
    .onConflict((oc) => oc.column('goal_id').doNothing())
    .executeTakeFirst();
}
