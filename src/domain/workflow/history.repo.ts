import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, Phase } from '../../db/schema.ts';
import type { WorkflowEventRow, WorkflowEventTable } from '../../db/tables/workflow.ts';
import type { Actor } from '../auth/actor.ts';
import { NO_PROGRESS, type Progress } from './state-machine.ts';

export interface PhaseKey {
  departmentId: number;
  fiscalYearId: number;
  phase: Phase;
}

export type NewEvent = Pick<WorkflowEventTable, 'action' | 'from_status' | 'to_status'> &
  Partial<Pick<WorkflowEventTable, 'step_name' | 'step_stage' | 'comment'>>;

export async function insertEvent(
  db: Kysely<Database>,
  actor: Actor,
  key: PhaseKey,
  event: NewEvent,
): Promise<void> {
  await db
    .insertInto('workflow_event')
    .values({
      municipality_id: actor.municipalityId,
      department_id: key.departmentId,
      fiscal_year_id: key.fiscalYearId,
      phase: key.phase,
      action: event.action,
      from_status: event.from_status,
      to_status: event.to_status,
      step_name: event.step_name ?? null,
      step_stage: event.step_stage ?? null,
      comment: event.comment ?? null,
      actor_user_id: actor.userId === 0 ? null : actor.userId,
      actor_login: actor.login,
      at: nowIso(),
    })
    .execute();
}

/** A department's history in one fiscal year, newest first. */
export async function listEvents(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
): Promise<WorkflowEventRow[]> {
  return db
    .selectFrom('workflow_event')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .orderBy('id', 'desc')
    .execute();
}

/** Chain steps signed since the phase was last submitted. */
export async function progressOf(db: Kysely<Database>, key: PhaseKey): Promise<Progress> {
  const events = await db
    .selectFrom('workflow_event')
    .select(['action', 'step_stage'])
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .orderBy('id')
    .execute();
  const progress = { ...NO_PROGRESS };
  for (const e of events) {
    if (e.action === 'submit' || e.action === 'return' || e.action === 'open')
      Object.assign(progress, NO_PROGRESS);
    else if (e.step_stage) progress[e.step_stage] += 1;
  }
  return progress;
}
