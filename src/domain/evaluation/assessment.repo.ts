import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { SelfAssessmentRow } from '../../db/tables/evaluation.ts';
import type { Actor } from '../auth/actor.ts';

export async function loadAssessments(
  db: Kysely<Database>,
  itemIds: number[],
): Promise<Map<number, SelfAssessmentRow>> {
  if (itemIds.length === 0) return new Map();
  const rows = await inChunks(itemIds, (chunk) =>
    db.selectFrom('self_assessment').selectAll().where('item_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.item_id, r]));
}

export async function saveAssessment(
  db: Kysely<Database>,
  actor: Actor,
  itemId: number,
  values: { grade: string; comment: string },
): Promise<void> {
  const now = nowIso();
  const changes = { ...values, actor_user_id: actor.userId, actor_login: actor.login, updated_at: now };
  await db
    .insertInto('self_assessment')
    .values({ item_id: itemId, ...changes, created_at: now })
    .onConflict((oc) => oc.column('item_id').doUpdateSet(changes))
    .execute();
}

export async function deleteAssessment(db: Kysely<Database>, itemId: number): Promise<boolean> {
  const result = await db.deleteFrom('self_assessment').where('item_id', '=', itemId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
