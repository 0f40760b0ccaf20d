import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { loadPhaseContent, type PhaseContent } from './content.repo.ts';

export interface PhaseKey {
  departmentId: number;
  fiscalYearId: number;
  phase: Phase;
}

export interface ReturnedVersion {
  content: PhaseContent;
  comment: string | null;
  by: string;
  at: string;
}

/** Keeps the phase's content as it is being returned, inside the transaction that returns it. */
export async function snapshotReturned(
  db: Kysely<Database>,
  actor: Actor,
  key: PhaseKey,
  comment: string,
): Promise<void> {
  const content = await loadPhaseContent(db, key.departmentId, key.fiscalYearId, key.phase);
  await db
    .insertInto('phase_snapshot')
    .values({
      department_id: key.departmentId,
      fiscal_year_id: key.fiscalYearId,
      phase: key.phase,
      reason: 'return',
      content: JSON.stringify(content),
      comment: comment || null,
      actor_login: actor.login,
      created_at: nowIso(),
    })
    .execute();
}

/** The version last returned (差し戻し), if the phase was ever returned. */
export async function lastReturned(
  db: Kysely<Database>,
  key: PhaseKey,
): Promise<ReturnedVersion | undefined> {
  const row = await db
    .selectFrom('phase_snapshot')
    .selectAll()
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .where('reason', '=', 'return')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    content: JSON.parse(row.content) as PhaseContent,
    comment: row.comment,
    by: row.actor_login,
    at: row.created_at,
  };
}

export async function phaseState(db: Kysely<Database>, key: PhaseKey): Promise<PhaseState | undefined> {
  const row = await db
    .selectFrom('phase_status')
    .select('status')
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .executeTakeFirst();
  return row?.status;
}

export interface ReturnNote {
  comment: string;
  by: string;
  at: string;
}

/** The 差し戻し that made the phase a draft again, while it is one: what the editor has to fix. */
export async function pendingReturn(db: Kysely<Database>, key: PhaseKey): Promise<ReturnNote | undefined> {
  const last = await db
    .selectFrom('workflow_event')
    .select(['action', 'comment', 'actor_login', 'at'])
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.action !== 'return') return undefined;
  return { comment: last.comment ?? '', by: last.actor_login, at: last.at };
}

/** Calendar years of fiscal-year ids (inbox entries name the id; links name the year). */
export async function yearsOf(db: Kysely<Database>, fiscalYearIds: number[]): Promise<Map<number, number>> {
  if (fiscalYearIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('fiscal_year')
    .select(['id', 'year'])
    .where('id', 'in', [...new Set(fiscalYearIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.year]));
}
