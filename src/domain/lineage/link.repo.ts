import type { Kysely } from 'kysely';
import { forChunks, inChunks, insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { GoalLinkRow, LinkKind, LinkStatus } from '../../db/tables/lineage.ts';
import type { LinkEnds, SuggestedLink } from './match.ts';

export function endsOf(row: GoalLinkRow): LinkEnds {
  return {
    fromGoalId: row.from_goal_id,
    fromItemId: row.from_item_id,
    toGoalId: row.to_goal_id,
    toItemId: row.to_item_id,
  };
}

export async function getLink(db: Kysely<Database>, id: number): Promise<GoalLinkRow | undefined> {
  return db.selectFrom('goal_link').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every link (any status) from one set of goals into another. */
export async function linksBetween(
  db: Kysely<Database>,
  fromGoalIds: number[],
  toGoalIds: number[],
): Promise<GoalLinkRow[]> {
  if (fromGoalIds.length === 0 || toGoalIds.length === 0) return [];
  const toSet = new Set(toGoalIds);
  const rows = await inChunks(fromGoalIds, (chunk) =>
    db.selectFrom('goal_link').selectAll().where('from_goal_id', 'in', chunk).execute(),
  );
  return rows.filter((r) => toSet.has(r.to_goal_id)).sort((a, b) => a.id - b.id);
}

/** Links touching any of these goals, at either end; rejected ones left out. */
export async function activeLinksOf(db: Kysely<Database>, goalIds: number[]): Promise<GoalLinkRow[]> {
  if (goalIds.length === 0) return [];
  // Both ends bind the piece, so each piece binds twice its length (plus the status).
  const rows = await inChunks(
    goalIds,
    (chunk) =>
      db
        .selectFrom('goal_link')
        .selectAll()
        .where((eb) => eb.or([eb('from_goal_id', 'in', chunk), eb('to_goal_id', 'in', chunk)]))
        .where('status', '!=', 'rejected')
        .execute(),
    1,
    2,
  );
  // A link between two pieces comes back once per piece.
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export async function findLinkByEnds(db: Kysely<Database>, ends: LinkEnds): Promise<GoalLinkRow | undefined> {
  let query = db
    .selectFrom('goal_link')
    .selectAll()
    .where('from_goal_id', '=', ends.fromGoalId)
    .where('to_goal_id', '=', ends.toGoalId);
  query =
    ends.fromItemId === null
      ? query.where('from_item_id', 'is', null)
      : query.where('from_item_id', '=', ends.fromItemId);
  query =
    ends.toItemId === null
      ? query.where('to_item_id', 'is', null)
      : query.where('to_item_id', '=', ends.toItemId);
  return query.executeTakeFirst();
}

export async function insertSuggestions(
  db: Kysely<Database>,
  municipalityId: number,
  links: SuggestedLink[],
): Promise<void> {
  if (links.length === 0) return;
  const now = nowIso();
  await insertBatches(
    links.map((l) => ({
      municipality_id: municipalityId,
      kind: l.kind,
      from_goal_id: l.fromGoalId,
      from_item_id: l.fromItemId,
      to_goal_id: l.toGoalId,
      to_item_id: l.toItemId,
      score: l.score,
      status: 'suggested' as const,
      decided_by: null,
      decided_at: null,
      created_at: now,
      updated_at: now,
    })),
    (chunk) => db.insertInto('goal_link').values(chunk).execute(),
  );
}

export async function updateSuggestion(
  db: Kysely<Database>,
  id: number,
  values: { kind: LinkKind; score: number },
): Promise<void> {
  await db
    .updateTable('goal_link')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function deleteLinks(db: Kysely<Database>, ids: number[]): Promise<void> {
  await forChunks(ids, (chunk) => db.deleteFrom('goal_link').where('id', 'in', chunk).execute());
}

export async function decideLink(
  db: Kysely<Database>,
  id: number,
  values: { status: LinkStatus; kind?: LinkKind; by: string },
): Promise<GoalLinkRow> {
  const now = nowIso();
  return db
    .updateTable('goal_link')
    .set({
      status: values.status,
      ...(values.kind ? { kind: values.kind } : {}),
      decided_by: values.by,
      decided_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertManualLink(
  db: Kysely<Database>,
  municipalityId: number,
  link: LinkEnds & { kind: LinkKind },
  by: string,
): Promise<GoalLinkRow> {
  const now = nowIso();
  return db
    .insertInto('goal_link')
    .values({
      municipality_id: municipalityId,
      kind: link.kind,
      from_goal_id: link.fromGoalId,
      from_item_id: link.fromItemId,
      to_goal_id: link.toGoalId,
      to_item_id: link.toItemId,
      score: null,
      status: 'manual',
      decided_by: by,
      decided_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The item-to-item links between two goals that nobody rejected. */
export function itemPairsBetween(db: Kysely<Database>, fromGoalId: number, toGoalId: number) {
  return db
    .selectFrom('goal_link')
    .select(['from_item_id', 'to_item_id'])
    .where('from_goal_id', '=', fromGoalId)
    .where('to_goal_id', '=', toGoalId)
    .where('from_item_id', 'is not', null)
    .where('to_item_id', 'is not', null)
    .where('status', '!=', 'rejected')
    .execute();
}

/** Other suggested goal-level links from the link's earlier goal or into its later goal. */
export function goalSuggestionsTouching(db: Kysely<Database>, link: GoalLinkRow): Promise<GoalLinkRow[]> {
  return db
    .selectFrom('goal_link')
    .selectAll()
    .where('status', '=', 'suggested')
    .where('id', '!=', link.id)
    .where('from_item_id', 'is', null)
    .where((eb) =>
      eb.or([eb('from_goal_id', '=', link.from_goal_id), eb('to_goal_id', '=', link.to_goal_id)]),
    )
    .execute();
}
