import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { insertConfirmedLinks, reanchorContinues, reportedAs } from './copy-links.repo.ts';

export interface CopiedGoal {
  /** The goal written. */
  id: number;
  /** The goal it was copied from. */
  copiedFrom: number;
}

/**
 * 「次年度の目標を作成」: each copy continues its source. The link starts at the review goal that
 * reports the source when there is one (review Y → plan Y+1, as in the table); before the year's
 * report exists it starts at the plan goal itself, and 「年度末の報告を開始」 moves it later.
 * Runs in the copy's transaction, so a copy never exists without its lineage.
 */
export async function linkNextYearCopies(
  trx: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  goals: CopiedGoal[],
): Promise<void> {
  const reports = await reportedAs(
    trx,
    goals.map((g) => g.copiedFrom),
  );
  await insertConfirmedLinks(
    trx,
    municipalityId,
    'continues',
    goals.map((g) => ({ fromGoalId: reports.get(g.copiedFrom) ?? g.copiedFrom, toGoalId: g.id })),
    actor.login,
  );
}

/**
 * 「年度末の報告を開始」: each review goal is the same goal as the plan goal it was copied from; a
 * next-year copy made before the report now continues from the report, as the table pairs them.
 */
export async function linkYearEndCopies(
  trx: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  goals: CopiedGoal[],
): Promise<void> {
  await insertConfirmedLinks(
    trx,
    municipalityId,
    'same',
    goals.map((g) => ({ fromGoalId: g.copiedFrom, toGoalId: g.id })),
    actor.login,
  );
  await reanchorContinues(
    trx,
    goals.map((g) => ({ planGoalId: g.copiedFrom, reviewGoalId: g.id })),
  );
}
