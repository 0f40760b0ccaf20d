import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { BlockKind, Database, Phase, PhaseState } from '../../db/schema.ts';
import type { PhaseKey } from './history.repo.ts';

/** The phase whose publication makes a block public. */
export function phaseOfBlock(block: BlockKind): Phase {
  return block === 'plan' ? 'goal_setting' : 'final';
}

/**
 * Sets a department's phase to `status`. A phase with no row gets one (true is returned); one that
 * has a row keeps it with `existing: 'keep'`, or is moved to `status` with `'overwrite'` (version + 1).
 * Imports land here as drafts (what a file brings waits for the department's own submission and
 * approval) or, as history the city already published, published; opening a year adds drafts.
 */
export async function setPhaseStatus(
  db: Kysely<Database>,
  key: PhaseKey,
  status: PhaseState,
  existing: 'keep' | 'overwrite',
): Promise<boolean> {
  const now = nowIso();
  const publishedAt = status === 'published' ? now : null;
  const inserted = await db
    .insertInto('phase_status')
    .values({
      department_id: key.departmentId,
      fiscal_year_id: key.fiscalYearId,
      phase: key.phase,
      status,
      published_at: publishedAt,
      version: 1,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['department_id', 'fiscal_year_id', 'phase']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return true;
  if (existing === 'overwrite') {
    await db
      .updateTable('phase_status')
      .set((eb) => ({
        status,
        ...(publishedAt === null ? {} : { published_at: publishedAt }),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('department_id', '=', key.departmentId)
      .where('fiscal_year_id', '=', key.fiscalYearId)
      .where('phase', '=', key.phase)
      .execute();
  }
  return false;
}

/**
 * Imported history: where a department's year has both 目標設定 and 期末報告 published but no
 * 中間報告, that 中間報告 was done outside the system; it is recorded as published so the year's
 * phases read in order. Returns how many were recorded.
 */
export async function recordPastInterims(db: Kysely<Database>, municipalityId: number): Promise<number> {
  const rows = await db
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select([
      'phase_status.department_id',
      'phase_status.fiscal_year_id',
      'phase_status.phase',
      'phase_status.status',
    ])
    .where('fiscal_year.municipality_id', '=', municipalityId)
    .execute();
  const years = new Map<string, Partial<Record<Phase, string>>>();
  for (const r of rows) {
    const key = `${r.department_id}:${r.fiscal_year_id}`;
    years.set(key, { ...years.get(key), [r.phase]: r.status });
  }
  let recorded = 0;
  for (const [key, states] of years) {
    if (states.goal_setting !== 'published' || states.final !== 'published' || states.interim) continue;
    const [departmentId, fiscalYearId] = key.split(':').map(Number);
    const phase = {
      departmentId: departmentId ?? 0,
      fiscalYearId: fiscalYearId ?? 0,
      phase: 'interim' as const,
    };
    await setPhaseStatus(db, phase, 'published', 'overwrite');
    recorded += 1;
  }
  return recorded;
}

/** A department's phase state for the year; undefined while the phase has no row (not opened). */
export async function findPhaseState(db: Kysely<Database>, key: PhaseKey): Promise<PhaseState | undefined> {
  const row = await db
    .selectFrom('phase_status')
    .select('status')
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .executeTakeFirst();
  return row?.status;
}

/** The phase row a transition works on. */
export function findPhaseStatus(db: Kysely<Database>, key: PhaseKey) {
  return db
    .selectFrom('phase_status')
    .selectAll()
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('phase', '=', key.phase)
    .executeTakeFirst();
}

/** Every opened phase of a department's year. */
export function phaseRowsOfDepartmentYear(db: Kysely<Database>, departmentId: number, fiscalYearId: number) {
  return db
    .selectFrom('phase_status')
    .select(['phase', 'status', 'version'])
    .where('department_id', '=', departmentId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .execute();
}

/** Moves a phase to `to` only if it is still at `seenVersion` (the caller checks one row changed). */
export function advancePhaseStatus(
  db: Kysely<Database>,
  id: number,
  seenVersion: number,
  change: { to: PhaseState; now: string },
) {
  return db
    .updateTable('phase_status')
    .set({
      status: change.to,
      version: seenVersion + 1,
      updated_at: change.now,
      ...(change.to === 'published' ? { published_at: change.now } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
}

/** Every phase state of these departments, every year, keyed `departmentId/year/phase`. */
export async function phaseStatesOfDepartments(
  db: Kysely<Database>,
  departmentIds: number[],
): Promise<Map<string, PhaseState>> {
  if (departmentIds.length === 0) return new Map();
  const rows = await inChunks(departmentIds, (chunk) =>
    db
      .selectFrom('phase_status')
      .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
      .select(['phase_status.department_id', 'fiscal_year.year', 'phase_status.phase', 'phase_status.status'])
      .where('phase_status.department_id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((r) => [`${r.department_id}/${r.year}/${r.phase}`, r.status]));
}
