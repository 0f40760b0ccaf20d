import type { Insertable, Kysely } from 'kysely';
import { inChunks, insertBatches } from '../../db/batch.ts';
import type { Database } from '../../db/schema.ts';

export interface InterimEntry {
  itemId: number;
  text: string;
  /** Marked 未着手: reported as not started (the text, if any, says why). */
  notStarted: boolean;
  version: number;
  quantities: Array<{ value: number; unit: string; comparator: string; text: string }>;
}

/** The 中間報告 of a department's fiscal year, by plan-block item id. */
export async function loadInterim(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
): Promise<Map<number, InterimEntry>> {
  const rows = await db
    .selectFrom('interim_progress')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .execute();
  // Pieces split by progress row, so each row's quantities keep their order.
  const quantities = await inChunks(
    rows.map((r) => r.id),
    (chunk) =>
      db
        .selectFrom('interim_quantity')
        .selectAll()
        .where('progress_id', 'in', chunk)
        .orderBy('position')
        .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.item_id,
      {
        itemId: r.item_id,
        text: r.text,
        notStarted: r.not_started === 1,
        version: r.version,
        quantities: quantities
          .filter((q) => q.progress_id === r.id)
          .map((q) => ({ value: q.value, unit: q.unit, comparator: q.comparator, text: q.span_text })),
      },
    ]),
  );
}

/** An item with what a progress report on it needs: its goal, block, department, city and year. */
export function findItemToReport(db: Kysely<Database>, itemId: number) {
  return db
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .innerJoin('department', 'department.id', 'goal.department_id')
    .select([
      'item.id',
      'item.no',
      'goal.id as goal_id',
      'goal.no as goal_no',
      'goal.block',
      'goal.department_id',
      'goal.fiscal_year_id',
      'department.municipality_id',
    ])
    .where('item.id', '=', itemId)
    .executeTakeFirst();
}

/** The stored progress of an item, if any. */
export function findInterimProgress(db: Kysely<Database>, itemId: number) {
  return db.selectFrom('interim_progress').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

/** What a progress save writes, apart from the row's identity and version. */
export interface ProgressValues {
  text: string;
  not_started: 0 | 1;
  actor_login: string;
  updated_at: string;
}

/** Clears the progress only if it is still at `seenVersion` (the caller checks one row went). */
export function deleteInterimProgress(db: Kysely<Database>, id: number, seenVersion: number) {
  return db
    .deleteFrom('interim_progress')
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
}

/** Writes over the progress only if it is still at `seenVersion` (the caller checks one row changed). */
export function updateInterimProgress(
  db: Kysely<Database>,
  id: number,
  seenVersion: number,
  values: ProgressValues,
) {
  return db
    .updateTable('interim_progress')
    .set({ ...values, version: seenVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
}

/** The first progress of an item; undefined when a concurrent first save got there first. */
export function insertInterimProgress(
  db: Kysely<Database>,
  row: ProgressValues & {
    item_id: number;
    department_id: number;
    fiscal_year_id: number;
    created_at: string;
  },
) {
  return db
    .insertInto('interim_progress')
    .values({ ...row, version: 1 })
    .onConflict((oc) => oc.column('item_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function deleteInterimQuantities(db: Kysely<Database>, progressId: number): Promise<void> {
  await db.deleteFrom('interim_quantity').where('progress_id', '=', progressId).execute();
}

export async function insertInterimQuantities(
  db: Kysely<Database>,
  rows: Insertable<Database['interim_quantity']>[],
): Promise<void> {
  await insertBatches(rows, (chunk) => db.insertInto('interim_quantity').values(chunk).execute());
}
