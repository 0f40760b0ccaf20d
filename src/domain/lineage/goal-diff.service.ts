import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type DiffSegment, diffWords } from './diff.ts';
import { type GoalRef, requireGoalRef } from './goal-ref.repo.ts';
import { itemsOfGoals } from './goal-texts.repo.ts';
import { itemPairsBetween } from './link.repo.ts';

export interface ItemDiff {
  fromItemId: number | null;
  toItemId: number | null;
  fromNo: number | null;
  toNo: number | null;
  text: DiffSegment[];
}

export interface GoalWordingDiff {
  from: GoalRef;
  to: GoalRef;
  title: DiffSegment[];
  /** Items paired by their (non-rejected) item links; an item without a partner is all added or removed. */
  items: ItemDiff[];
}

/** How a goal's wording changed from one year to the next, word by word. */
export async function goalWordingDiff(
  db: Kysely<Database>,
  fromGoalId: number,
  toGoalId: number,
): Promise<GoalWordingDiff> {
  const [from, to] = [await requireGoalRef(db, fromGoalId), await requireGoalRef(db, toGoalId)];
  const items = await itemsOfGoals(db, [fromGoalId, toGoalId]);
  const pairs = await itemPairsBetween(db, fromGoalId, toGoalId);
  const before = items.filter((i) => i.goal_id === fromGoalId);
  const after = items.filter((i) => i.goal_id === toGoalId);
  const partnerOf = new Map(pairs.map((p) => [p.to_item_id, p.from_item_id]));
  const used = new Set<number>();
  const diffs: ItemDiff[] = after.map((item) => {
    const old = before.find((b) => b.id === partnerOf.get(item.id) && !used.has(b.id));
    if (old) used.add(old.id);
    return {
      fromItemId: old?.id ?? null,
      toItemId: item.id,
      fromNo: old?.no ?? null,
      toNo: item.no,
      text: diffWords(old?.text ?? '', item.text),
    };
  });
  for (const old of before.filter((b) => !used.has(b.id))) {
    diffs.push({
      fromItemId: old.id,
      toItemId: null,
      fromNo: old.no,
      toNo: null,
      text: diffWords(old.text, ''),
    });
  }
  return { from, to, title: diffWords(from.title, to.title), items: diffs };
}
