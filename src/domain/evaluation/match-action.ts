import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { getDepartment } from '../departments/department.repo.ts';
import {
  clearMatch,
  confirmMatch,
  type DepartmentEvaluation,
  evaluateDepartmentYear,
  rejectMatch,
  setMatch,
} from './index.ts';

export const MATCH_ACTIONS = ['confirm', 'set', 'reject', 'clear'] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

export interface MatchActionResult {
  targetId: number;
  actualId: number | null;
  /** The stored status, or `cleared` when the stored match was forgotten. */
  status: 'suggested' | 'confirmed' | 'rejected' | 'manual' | 'cleared';
}

/**
 * One editor decision on a target, shared by the page and the API. `actualId` is the chosen actual
 * for `set` (null: 未報告) and the actual the editor saw for `confirm`/`reject` (undefined: no check).
 */
export async function applyMatchAction(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  action: MatchAction,
  actualId: number | null | undefined,
): Promise<MatchActionResult> {
  if (action === 'confirm') return confirmMatch(db, actor, targetId, actualId);
  if (action === 'reject') return rejectMatch(db, actor, targetId, actualId);
  if (action === 'set') {
    if (actualId === undefined) {
      throw new AppError('INVALID_INPUT', 'set needs actualId (null for 未報告)', { field: 'actualId' });
    }
    return setMatch(db, actor, targetId, actualId);
  }
  await clearMatch(db, actor, targetId);
  return { targetId, actualId: null, status: 'cleared' };
}

/**
 * The evaluation as an editor sees it: unpublished achievements included, so only the department's
 * editors and planning may read it (the same rule as for changing it).
 */
export async function evaluationForEditor(
  db: Kysely<Database>,
  actor: Actor,
  departmentId: number,
  year: number,
): Promise<DepartmentEvaluation> {
  await authorizeEditor(db, actor, departmentId);
  return evaluateDepartmentYear(db, departmentId, year);
}

/** May the actor edit this department's evaluation? The page's guard; services check their own scope too. */
export async function authorizeEditor(
  db: Kysely<Database>,
  actor: Actor,
  departmentId: number,
): Promise<void> {
  const department = await getDepartment(db, departmentId);
  if (!department) throw new AppError('NOT_FOUND', `no department ${departmentId}`);
  authorize(actor, 'evaluation.edit', { municipalityId: department.municipality_id, departmentId });
}
