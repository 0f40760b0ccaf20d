import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
// The service file, not the module's index: the evaluation's write services call back into this file.
import { evaluateDepartmentYear } from '../domain/evaluation/evaluate.service.ts';
import type { DepartmentEvaluation } from '../domain/evaluation/evaluation.types.ts';
import { AppError } from '../errors.ts';
import {
  type GradeRef,
  gradedEntries,
  indexedYears,
  setEntryGrade,
  yearOfFiscalYear,
} from './grade-index.repo.ts';

export type { GradeRef };

export interface EntryGrades {
  /** Goal id → the goal's grade: plan goals, and the review goals paired with them. */
  goals: Map<number, string>;
  /** Item id → the item's grade: plan items, and the review items that answer them. */
  items: Map<number, string>;
}

/**
 * The grade each entry shows: a goal title its goal's, an item its own. The review side of the year
 * (the achievements) carries the grade of the plan goal or item it answers; unpaired ones have none.
 */
export function entryGrades(evaluation: DepartmentEvaluation): EntryGrades {
  const goals = new Map<number, string>();
  const items = new Map<number, string>();
  for (const goal of evaluation.goals) {
    if (goal.grade !== null) {
      goals.set(goal.id, goal.grade);
      if (goal.reviewGoal) goals.set(goal.reviewGoal.id, goal.grade);
    }
    for (const item of goal.items) {
      if (item.grade === null) continue;
      items.set(item.id, item.grade);
      if (item.reviewItem) items.set(item.reviewItem.id, item.grade);
    }
  }
  return { goals, items };
}

async function evaluationOf(db: Kysely<Database>, ref: GradeRef): Promise<DepartmentEvaluation | undefined> {
  const year = await yearOfFiscalYear(db, ref.fiscalYearId);
  if (year === undefined) return undefined;
  try {
    return await evaluateDepartmentYear(db, ref.departmentId, year);
  } catch (error) {
    // A year without goals, or a department that no longer exists, has nothing to grade.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * Makes the grades on the search entries of a department's year equal to what the evaluation gives
 * now. Call it in the transaction that changed anything the evaluation reads: the blocks, their
 * quantities, matches, self-assessments or the scale. Whether the public may see a grade is decided
 * when searching (both blocks published), so publishing needs no refresh. Only entries whose grade
 * changes are written: on PostgreSQL every rewritten row also rewrites its full-text index entries.
 */
export async function refreshGrades(db: Kysely<Database>, ref: GradeRef): Promise<void> {
  const entries = await gradedEntries(db, ref);
  if (entries.length === 0) return;
  const evaluation = await evaluationOf(db, ref);
  const grades: EntryGrades = evaluation?.reviewAvailable
    ? entryGrades(evaluation)
    : { goals: new Map(), items: new Map() };
  const changes = new Map<string | null, number[]>();
  for (const e of entries) {
    const grade = (e.item_id === null ? grades.goals.get(e.goal_id) : grades.items.get(e.item_id)) ?? null;
    if (grade === e.grade) continue;
    const ids = changes.get(grade) ?? [];
    ids.push(e.id);
    changes.set(grade, ids);
  }
  for (const [grade, ids] of changes) await setEntryGrade(db, ids, grade);
}

/** After a change of the municipality's grade scale: every label may have changed. */
export async function refreshMunicipalityGrades(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<number> {
  const years = await indexedYears(db, municipalityId);
  for (const ref of years) await refreshGrades(db, ref);
  return years.length;
}

/** Fills in every grade: after the migration that added them, or to repair. */
export async function refreshAllGrades(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const years = await indexedYears(db);
  for (const [i, ref] of years.entries()) {
    await refreshGrades(db, ref);
    onProgress?.(i + 1, years.length);
  }
  return years.length;
}
