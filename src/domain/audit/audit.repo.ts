import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { AuditEventTable } from '../../db/tables/auth.ts';
import type { Actor } from '../auth/actor.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: number | null;
  departmentId?: number | null;
  goalId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export type AuditEvent = Omit<AuditEventTable, 'id'> & { id: number };

/** Appends one event; call it inside the transaction of the change it records. */
export async function appendAudit(db: Kysely<Database>, actor: Actor, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      municipality_id: actor.municipalityId,
      actor_user_id: actor.userId === 0 ? null : actor.userId,
      actor_login: actor.login,
      at: nowIso(),
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId ?? null,
      department_id: input.departmentId ?? null,
      goal_id: input.goalId ?? (input.entityType === 'goal' ? (input.entityId ?? null) : null),
      summary: input.summary,
      before_json: input.before === undefined ? null : JSON.stringify(input.before),
      after_json: input.after === undefined ? null : JSON.stringify(input.after),
    })
    .execute();
}

export async function listAuditForEntity(
  db: Kysely<Database>,
  entityType: string,
  entityId: number,
): Promise<AuditEvent[]> {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .execute();
}

/** A goal's own events and its items' (including items deleted since), newest first. */
export async function listAuditForGoal(db: Kysely<Database>, goalId: number): Promise<AuditEvent[]> {
  // A subquery rather than a bound list: a goal may have more items than a statement may bind.
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('goal_id', '=', goalId),
        eb.and([eb('entity_type', '=', 'goal'), eb('entity_id', '=', goalId)]),
        eb.and([
          eb('entity_type', '=', 'item'),
          eb('entity_id', 'in', eb.selectFrom('item').select('item.id').where('item.goal_id', '=', goalId)),
        ]),
      ]),
    )
    .orderBy('id', 'desc')
    .execute();
}

export async function listAuditForMunicipality(
  db: Kysely<Database>,
  municipalityId: number,
  options: { limit: number; beforeId?: number; departmentId?: number; action?: string },
): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_event').selectAll().where('municipality_id', '=', municipalityId);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.departmentId !== undefined) query = query.where('department_id', '=', options.departmentId);
  if (options.action) query = query.where('action', 'like', `${options.action}%`);
  return query.orderBy('id', 'desc').limit(options.limit).execute();
}
