import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { MatchStatus, QuantityMatchRow } from '../../db/tables/evaluation.ts';
import type { Actor } from '../auth/actor.ts';

/** Stored matches of the given targets, by target id. */
export async function loadMatches(
  db: Kysely<Database>,
  targetIds: number[],
): Promise<Map<number, QuantityMatchRow>> {
  if (targetIds.length === 0) return new Map();
  const rows = await inChunks(targetIds, (chunk) =>
    db.selectFrom('quantity_match').selectAll().where('target_quantity_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.target_quantity_id, r]));
}

export interface MatchValues {
  targetId: number;
  actualId: number | null;
  status: MatchStatus;
  score: number | null;
}

export async function saveMatch(db: Kysely<Database>, actor: Actor, values: MatchValues): Promise<void> {
  const now = nowIso();
  const changes = {
    actual_quantity_id: values.actualId,
    status: values.status,
    score: values.score,
    actor_user_id: actor.userId,
    actor_login: actor.login,
    updated_at: now,
  };
  await db
    .insertInto('quantity_match')
    .values({ target_quantity_id: values.targetId, ...changes, created_at: now })
    .onConflict((oc) => oc.column('target_quantity_id').doUpdateSet(changes))
    .execute();
}

export async function deleteMatch(db: Kysely<Database>, targetId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('quantity_match')
    .where('target_quantity_id', '=', targetId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
