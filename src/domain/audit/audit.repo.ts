import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { AuditEventTable } from '../../db/tables/auth.ts';
import type { Actor } from '../auth/actor.ts';
import type { AuditAction } from './actions.ts';
import { auditAppended } from './audit-listeners.ts';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId?: number | null;
  departmentId?: number | null;
  goalId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** A stored event with the names a page shows: the actor's display name, the department's name. */
export type AuditEvent = Omit<AuditEventTable, 'id'> & {
  id: number;
  /** null for the operator at the command line (no account) or an account since removed. */
  actor_name: string | null;
  department_name: string | null;
};

/** audit_event with the actor's display name and the department's name beside every row. */
function eventsWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('audit_event')
    .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
    .leftJoin('department', 'department.id', 'audit_event.department_id')
    .selectAll('audit_event')
    .select(['app_user.display_name as actor_name', 'department.name as department_name']);
}

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
  // Whoever registered hears of it (the publication version: cached public pages ask again at once).
  auditAppended();
}

export async function listAuditForEntity(
  db: Kysely<Database>,
  entityType: string,
  entityId: number,
): Promise<AuditEvent[]> {
  return eventsWithNames(db)
    .where('audit_event.entity_type', '=', entityType)
    .where('audit_event.entity_id', '=', entityId)
    .orderBy('audit_event.id', 'desc')
    .execute();
}

/** A goal's own events and its items' (including items deleted since), newest first. */
export async function listAuditForGoal(db: Kysely<Database>, goalId: number): Promise<AuditEvent[]> {
  // A subquery rather than a bound list: a goal may have more items than a statement may bind.
  return eventsWithNames(db)
    .where((eb) =>
      eb.or([
        eb('audit_event.goal_id', '=', goalId),
        eb.and([eb('audit_event.entity_type', '=', 'goal'), eb('audit_event.entity_id', '=', goalId)]),
        eb.and([
          eb('audit_event.entity_type', '=', 'item'),
          eb(
            'audit_event.entity_id',
            'in',
            eb.selectFrom('item').select('item.id').where('item.goal_id', '=', goalId),
          ),
        ]),
      ]),
    )
    .orderBy('audit_event.id', 'desc')
    .execute();
}

export async function listAuditForMunicipality(
  db: Kysely<Database>,
  municipalityId: number,
  options: { limit: number; beforeId?: number; departmentId?: number; action?: string },
): Promise<AuditEvent[]> {
  let query = eventsWithNames(db).where('audit_event.municipality_id', '=', municipalityId);
  if (options.beforeId !== undefined) query = query.where('audit_event.id', '<', options.beforeId);
  if (options.departmentId !== undefined)
    query = query.where('audit_event.department_id', '=', options.departmentId);
  if (options.action) query = query.where('audit_event.action', 'like', `${options.action}%`);
  return query.orderBy('audit_event.id', 'desc').limit(options.limit).execute();
}

/** The goal a history page is about, with its department, municipality and year (undefined when unknown). */
export function findGoalHeading(db: Kysely<Database>, goalId: number) {
  return db
    .selectFrom('goal')
    .innerJoin('department', 'department.id', 'goal.department_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select([
      'goal.id',
      'goal.title',
      'goal.block',
      'department.id as department_id',
      'department.name as department_name',
      'department.municipality_id',
      'fiscal_year.year',
    ])
    .where('goal.id', '=', goalId)
    .executeTakeFirst();
}
