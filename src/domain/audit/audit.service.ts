import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import {
  type AuditEvent,
  findGoalHeading,
  listAuditForGoal,
  listAuditForMunicipality,
} from './audit.repo.ts';

export type { AuditEvent } from './audit.repo.ts';

export interface GoalHistory {
  goal: {
    id: number;
    title: string;
    departmentId: number;
    departmentName: string;
    year: number;
    block: string;
  };
  events: AuditEvent[];
}

/** Staff of any role read a goal's history; the goal must be in their municipality. */
export async function goalHistory(db: Kysely<Database>, actor: Actor, goalId: number): Promise<GoalHistory> {
  const goal = await findGoalHeading(db, goalId);
  if (!goal || goal.municipality_id !== actor.municipalityId) throw new AppError('NOT_FOUND', 'no such goal');
  authorize(actor, 'internal.read', { municipalityId: goal.municipality_id });
  return {
    goal: {
      id: goal.id,
      title: goal.title,
      departmentId: goal.department_id,
      departmentName: goal.department_name,
      year: goal.year,
      block: goal.block,
    },
    events: await listAuditForGoal(db, goalId),
  };
}

export const AUDIT_PAGE_SIZE = 50;

/** The city-wide log: admins only. */
export async function cityLog(
  db: Kysely<Database>,
  actor: Actor,
  filter: { beforeId?: number; departmentId?: number; action?: string },
): Promise<AuditEvent[]> {
  authorize(actor, 'audit.readAll', { municipalityId: actor.municipalityId });
  return listAuditForMunicipality(db, actor.municipalityId, { ...filter, limit: AUDIT_PAGE_SIZE });
}
