import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { BlockKind, Database, Phase } from '../../db/schema.ts';

/** The phase whose publication makes a block public. */
export function phaseOfBlock(block: BlockKind): Phase {
  return block === 'plan' ? 'goal_setting' : 'final';
}

export async function markPublished(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
  phase: Phase,
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('phase_status')
    .values({
      department_id: departmentId,
      fiscal_year_id: fiscalYearId,
      phase,
      status: 'published',
      published_at: now,
      version: 1,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['department_id', 'fiscal_year_id', 'phase']).doUpdateSet((eb) => ({
        status: 'published',
        published_at: now,
        updated_at: now,
        version: eb('phase_status.version', '+', 1),
      })),
    )
    .execute();
}

/**
 * A phase with no status yet becomes a draft (作成中); one that has a status keeps it. Imports land
 * here: what a file brings in waits for the department's own submission and approval.
 */
export async function ensureDraft(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
  phase: Phase,
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('phase_status')
    .values({
      department_id: departmentId,
      fiscal_year_id: fiscalYearId,
      phase,
      status: 'draft',
      published_at: null,
      version: 1,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['department_id', 'fiscal_year_id', 'phase']).doNothing())
    .execute();
}
