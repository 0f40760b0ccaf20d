import {
  evaluateDepartmentYear,
  type GoalEvaluation,
  type ItemEvaluation,
} from '../domain/evaluation/index.ts';
import type { PublicReader } from '../domain/publication/reader.ts';
import { AppError } from '../errors.ts';
import { TARGET_STATUS_LABELS } from '../views/evaluation-labels.ts';

/** `${goalNo}/${itemNo}` of a plan-block item: how the marks are looked up beside the table. */
export const markKey = (goalNo: number, itemNo: number) => `${goalNo}/${itemNo}`;

/** The key of a plan goal's own mark (beside its title). */
export const goalMarkKey = (goalNo: number) => `${goalNo}`;

/**
 * The goal's grade in words, the same one the dashboards, search and the CLI report give (goalGrade):
 * where the numbers give the grade, the department's rating stands beside it, a disagreement said.
 */
export function goalMarkText(goal: GoalEvaluation): string {
  if (goal.gradeSource === 'self') return `${goal.grade}（部局の自己評価）`;
  const self = goal.selfAssessment;
  if (!self) return goal.grade ?? '未評価';
  const differs = goal.disagrees ? '・数値目標からの評価と異なる' : '';
  return `${goal.grade ?? '未評価'}（部局の自己評価 ${self.grade}${differs}）`;
}

/** The item's result in words (never colour alone): the grade, with the status when the scale differs. */
export function markText(item: ItemEvaluation): string {
  if (item.status === 'qualitative') return item.grade ?? '未評価';
  const status = TARGET_STATUS_LABELS[item.status];
  if (item.grade === null || item.grade === status) return status;
  return `${item.grade}（${status}）`;
}

/**
 * Marks for the plan items of the shown year, or undefined while its achievements are not public:
 * the same rule as the public dashboards, so nothing unpublished is evaluated in public.
 */
export async function ichiranMarks(
  reader: PublicReader,
  departmentId: number,
  planYear: number,
): Promise<Map<string, string> | undefined> {
  const publication = await reader.publication(departmentId);
  if (publication.of(departmentId, planYear) !== 'full') return undefined;
  const evaluation = await evaluateDepartmentYear(reader.db, departmentId, planYear).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    },
  );
  if (!evaluation?.reviewAvailable) return undefined;
  const marks = new Map<string, string>();
  for (const goal of evaluation.goals) {
    marks.set(goalMarkKey(goal.no), goalMarkText(goal));
    for (const item of goal.items) marks.set(markKey(goal.no, item.no), markText(item));
  }
  return marks;
}
