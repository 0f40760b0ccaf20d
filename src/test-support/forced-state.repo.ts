import { type Kysely, sql } from 'kysely';
import { nowIso } from '../db/clock.ts';
import type { Database, Phase } from '../db/schema.ts';

/**
 * Writes the application never makes, for tests that need a state no service can produce: the
 * database's own guards (append-only audit, CHECK constraints) tried head-on, rows another app
 * server writes behind this process's back, rows an older version left (or never wrote), and
 * values that only a hand edit or a foreign tool puts in. Everything else a test sets up goes
 * through the services (seed.ts, users.ts, phase-fill.ts); keep raw SQL for tests here, and only
 * what really cannot be reached another way.
 */

/** Tries to change stored audit events; the append-only triggers must refuse both. */
export function tamperWithAudit(db: Kysely<Database>, how: 'update' | 'delete'): Promise<unknown> {
  return how === 'update'
    ? sql`update audit_event set summary = 'x'`.execute(db)
    : sql`delete from audit_event`.execute(db);
}

/** A goal row with a block the schema does not know; the CHECK constraint must refuse it. */
export function insertGoalWithBlock(db: Kysely<Database>, block: string): Promise<unknown> {
  return sql`insert into goal (department_id, fiscal_year_id, block, no, position, title, version, created_at, updated_at)
          values (1, 1, ${block}, 1, 0, 't', 1, 'x', 'x')`.execute(db);
}

/**
 * An audit event written by another app server: straight into the table, so this process's
 * publication-version cache (which appendAudit bumps) does not hear of it.
 */
export async function auditFromAnotherServer(db: Kysely<Database>, municipalityId: number): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      municipality_id: municipalityId,
      actor_user_id: null,
      actor_login: 'other-server',
      at: nowIso(),
      action: 'user.create',
      entity_type: 'app_user',
      summary: 'made by another app server',
    })
    .execute();
}

/**
 * A department's phase with no row at all, and no history: what a department added by hand
 * before phases were opened for every department (older versions) looks like.
 */
export async function forgetPhaseRow(
  db: Kysely<Database>,
  key: { departmentId: number; fiscalYearId: number; phase: Phase },
): Promise<void> {
  await db
    .deleteFrom('workflow_event')
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('department_id', '=', key.departmentId)
    .where('phase', '=', key.phase)
    .execute();
  await db
    .deleteFrom('phase_status')
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('department_id', '=', key.departmentId)
    .where('phase', '=', key.phase)
    .execute();
}

/** Every 中間報告 row of every department gone, as before 中間報告 was a phase of its own. */
export async function forgetEveryInterimRow(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('phase_status').where('phase', '=', 'interim').execute();
}

export interface UncheckedLink {
  kind: 'same' | 'continues';
  fromGoalId: number;
  toGoalId: number;
}

/**
 * Goal links the suggester and the link service would never leave together (two plan goals
 * claimed by one review goal, 'same' across years…): for readers that must cope with them anyway.
 * A link whose ends are already linked is skipped.
 */
export async function insertUncheckedLinks(
  db: Kysely<Database>,
  municipalityId: number,
  links: readonly UncheckedLink[],
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('goal_link')
    .values(
      links.map((l) => ({
        municipality_id: municipalityId,
        kind: l.kind,
        from_goal_id: l.fromGoalId,
        from_item_id: null,
        to_goal_id: l.toGoalId,
        to_item_id: null,
        score: 0.9,
        status: 'suggested' as const,
        decided_by: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Values a transfer must carry but the editing services refuse or never write: control
 * characters and non-BMP text in the first item, an infinite and an inexact quantity, the first
 * goal copied from a newer one (a row referencing a later row of its own table).
 */
export async function oddValuesForTransfer(db: Kysely<Database>): Promise<void> {
  const item = await db.selectFrom('item').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db
    .updateTable('item')
    .set({ text: '𠮷野家の\t"引用"\n改行 =1+1 😀', target: '0.1+0.2' })
    .where('id', '=', item.id)
    .execute();
  const q = await db.selectFrom('quantity').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('quantity').set({ value: Number.POSITIVE_INFINITY }).where('id', '=', q.id).execute();
  const q2 = await db.selectFrom('quantity').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await db
    .updateTable('quantity')
    .set({ value: 0.1 + 0.2 })
    .where('id', '=', q2.id)
    .execute();
  const goals = await db.selectFrom('goal').select('id').orderBy('id').execute();
  const first = goals[0];
  const newer = goals.at(-2);
  if (!first || !newer) throw new Error('oddValuesForTransfer needs at least two goals');
  await db.updateTable('goal').set({ copied_from_goal_id: newer.id }).where('id', '=', first.id).execute();
}

/** The newest goal row removed outright (its id must not be issued again after a restore). */
export async function deleteNewestGoal(db: Kysely<Database>): Promise<void> {
  const last = await db.selectFrom('goal').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await db.deleteFrom('goal').where('id', '=', last.id).execute();
}

/** A department's goals deleted straight from the table (inside a transaction a test rolls back). */
export async function deleteGoalsOfDepartment(db: Kysely<Database>, departmentId: number): Promise<void> {
  await db.deleteFrom('goal').where('department_id', '=', departmentId).execute();
}

/** Goal and item texts of a department's year marked in place, so a crawl can find them anywhere. */
export async function markYearTexts(
  db: Kysely<Database>,
  goalIds: readonly number[],
  mark: string,
): Promise<void> {
  const prefix = `${mark} `;
  await db
    .updateTable('goal')
    .set({ title: sql<string>`${prefix} || title` })
    .where('id', 'in', [...goalIds])
    .execute();
  await db
    .updateTable('item')
    .set({
      text: sql<string>`${prefix} || text`,
      target: sql<string | null>`${prefix} || target`,
      achievement: sql<string | null>`${prefix} || achievement`,
    })
    .where('goal_id', 'in', [...goalIds])
    .execute();
}

/** An item's text changed without reindexing its phase (the editor reindexes; this one does not). */
export async function editItemTextWithoutReindex(
  db: Kysely<Database>,
  itemId: number,
  text: string,
): Promise<void> {
  await db.updateTable('item').set({ text }).where('id', '=', itemId).execute();
}

/**
 * Stores a password hash of the test's own making for `login` (lower case), e.g. one made
 * deliberately slow, so that whether a sign-in computed it shows in its timing beyond doubt.
 */
export async function setPasswordHash(db: Kysely<Database>, login: string, hash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: hash }).where('login', '=', login).execute();
}
