import type { Kysely } from 'kysely';
import { inChunks, insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { LinkKind } from '../../db/tables/lineage.ts';

/** Goal-to-goal links a copy draws itself: decided at once, by whoever copied. */
export async function insertConfirmedLinks(
  db: Kysely<Database>,
  municipalityId: number,
  kind: LinkKind,
  pairs: Array<{ fromGoalId: number; toGoalId: number }>,
  by: string,
): Promise<void> {
  const now = nowIso();
  await insertBatches(
    pairs.map((p) => ({
      municipality_id: municipalityId,
      kind,
      from_goal_id: p.fromGoalId,
      from_item_id: null,
      to_goal_id: p.toGoalId,
      to_item_id: null,
      score: null,
      status: 'confirmed' as const,
      decided_by: by,
      decided_at: now,
      created_at: now,
      updated_at: now,
    })),
    (chunk) => db.insertInto('goal_link').values(chunk).execute(),
  );
}

/**
 * The review goal that reports each plan goal: the copy 「年度末の報告を開始」 made of it, else the
 * goal a decided (then suggested) 'same' link names. Plan goals without one are left out.
 */
export async function reportedAs(db: Kysely<Database>, planGoalIds: number[]): Promise<Map<number, number>> {
  const copies = await inChunks(planGoalIds, (chunk) =>
    db
      .selectFrom('goal')
      .select(['id', 'copied_from_goal_id'])
      .where('block', '=', 'review')
      .where('copied_from_goal_id', 'in', chunk)
      .orderBy('id')
      .execute(),
  );
  const links = await inChunks(planGoalIds, (chunk) =>
    db
      .selectFrom('goal_link')
      .select(['from_goal_id', 'to_goal_id', 'status'])
      .where('kind', '=', 'same')
      .where('status', '!=', 'rejected')
      .where('from_item_id', 'is', null)
      .where('to_item_id', 'is', null)
      .where('from_goal_id', 'in', chunk)
      .orderBy('id')
      .execute(),
  );
  const found = new Map<number, number>();
  for (const c of copies) if (c.copied_from_goal_id !== null) found.set(c.copied_from_goal_id, c.id);
  const decided = links.filter((l) => l.status !== 'suggested');
  for (const l of [...decided, ...links.filter((l) => l.status === 'suggested')]) {
    if (!found.has(l.from_goal_id)) found.set(l.from_goal_id, l.to_goal_id);
  }
  return found;
}

/** Moves the start of decided 'continues' links from a plan goal to the review goal that now reports it. */
export async function reanchorContinues(
  db: Kysely<Database>,
  moves: Array<{ planGoalId: number; reviewGoalId: number }>,
): Promise<void> {
  const now = nowIso();
  for (const m of moves) {
    await db
      .updateTable('goal_link')
      .set({ from_goal_id: m.reviewGoalId, updated_at: now })
      .where('from_goal_id', '=', m.planGoalId)
      .where('kind', '=', 'continues')
      .where('from_item_id', 'is', null)
      .where('status', 'in', ['confirmed', 'manual'])
      .execute();
  }
}
