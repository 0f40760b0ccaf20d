import type { Kysely } from 'kysely';
import { forChunks, inChunks, insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { BlockKind, Database, QuantityKind, QuantityRow } from '../../db/schema.ts';

export interface BlockKey {
  departmentId: number;
  fiscalYearId: number;
  block: BlockKind;
}

export interface StoredItem {
  id: number;
  no: number;
  position: number;
  unitId: number | null;
  unitName: string | null;
  text: string;
  target: string | null;
  achievement: string | null;
  version: number;
  quantities: QuantityRow[];
}

export interface StoredGoal {
  id: number;
  no: number;
  position: number;
  title: string;
  version: number;
  items: StoredItem[];
}

/** The goals of one block, in display order. */
export function blockGoalRows(db: Kysely<Database>, key: BlockKey) {
  return db
    .selectFrom('goal')
    .select(['id', 'no', 'position', 'title', 'version'])
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('block', '=', key.block)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Items with the name of their sub-unit: the columns every reader of items wants. */
export function itemRows(db: Kysely<Database>) {
  return db
    .selectFrom('item')
    .leftJoin('department as unit', 'unit.id', 'item.unit_id')
    .select([
      'item.id',
      'item.goal_id',
      'item.no',
      'item.position',
      'item.unit_id',
      'unit.name as unit_name',
      'item.text',
      'item.target',
      'item.achievement',
      'item.version',
    ]);
}

/** One block (review or plan) of one department and fiscal year, goals → items → quantities, in order. */
export async function loadBlock(db: Kysely<Database>, key: BlockKey): Promise<StoredGoal[]> {
  const goals = await blockGoalRows(db, key);
  if (goals.length === 0) return [];
  // Pieces split by goal (and by item), so each goal's items and each item's quantities keep their order.
  const items = await inChunks(
    goals.map((g) => g.id),
    (chunk) =>
      itemRows(db).where('item.goal_id', 'in', chunk).orderBy('item.position').orderBy('item.id').execute(),
  );
  const quantities = await inChunks(
    items.map((i) => i.id),
    (chunk) =>
      db
        .selectFrom('quantity')
        .selectAll()
        .where('item_id', 'in', chunk)
        .orderBy('position')
        .orderBy('id')
        .execute(),
  );
  const itemsOf = groupBy(items, (i) => i.goal_id);
  const quantitiesOf = groupBy(quantities, (q) => q.item_id);
  return goals.map((g) => ({
    ...g,
    items: (itemsOf.get(g.id) ?? []).map((i) => ({
      id: i.id,
      no: i.no,
      position: i.position,
      unitId: i.unit_id,
      unitName: i.unit_name,
      text: i.text,
      target: i.target,
      achievement: i.achievement,
      version: i.version,
      quantities: quantitiesOf.get(i.id) ?? [],
    })),
  }));
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export async function insertGoal(
  db: Kysely<Database>,
  key: BlockKey,
  values: { no: number; position: number; title: string; sourceDocumentId: number | null },
): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('goal')
    .values({
      department_id: key.departmentId,
      fiscal_year_id: key.fiscalYearId,
      block: key.block,
      no: values.no,
      position: values.position,
      title: values.title,
      source_document_id: values.sourceDocumentId,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGoal(
  db: Kysely<Database>,
  id: number,
  values: { position: number; title: string; sourceDocumentId: number | null; bumpVersion: boolean },
): Promise<void> {
  await db
    .updateTable('goal')
    .set((eb) => ({
      position: values.position,
      title: values.title,
      source_document_id: values.sourceDocumentId,
      updated_at: nowIso(),
      version: values.bumpVersion ? eb('version', '+', 1) : eb.ref('version'),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteGoals(db: Kysely<Database>, ids: number[]): Promise<void> {
  await forChunks(ids, (chunk) => db.deleteFrom('goal').where('id', 'in', chunk).execute());
}

export interface ItemValues {
  no: number;
  position: number;
  unitId: number | null;
  text: string;
  target: string | null;
  achievement: string | null;
}

export async function insertItem(db: Kysely<Database>, goalId: number, values: ItemValues): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('item')
    .values({
      goal_id: goalId,
      no: values.no,
      position: values.position,
      unit_id: values.unitId,
      text: values.text,
      target: values.target,
      achievement: values.achievement,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateItem(
  db: Kysely<Database>,
  id: number,
  values: ItemValues & { bumpVersion: boolean },
): Promise<void> {
  await db
    .updateTable('item')
    .set((eb) => ({
      no: values.no,
      position: values.position,
      unit_id: values.unitId,
      text: values.text,
      target: values.target,
      achievement: values.achievement,
      updated_at: nowIso(),
      version: values.bumpVersion ? eb('version', '+', 1) : eb.ref('version'),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteItems(db: Kysely<Database>, ids: number[]): Promise<void> {
  await forChunks(ids, (chunk) => db.deleteFrom('item').where('id', 'in', chunk).execute());
}

export interface QuantityValues {
  value: number;
  unit: string;
  comparator: string;
  spanText: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  origin: 'extracted' | 'manual';
}

/** Replaces an item's quantities of one kind with the given list, in order. */
export async function replaceQuantities(
  db: Kysely<Database>,
  itemId: number,
  kind: QuantityKind,
  quantities: QuantityValues[],
): Promise<void> {
  await db.deleteFrom('quantity').where('item_id', '=', itemId).where('kind', '=', kind).execute();
  await insertBatches(
    quantities.map((q, position) => ({
      item_id: itemId,
      kind,
      position,
      value: q.value,
      unit: q.unit,
      comparator: q.comparator,
      span_text: q.spanText,
      span_start: q.spanStart,
      span_end: q.spanEnd,
      origin: q.origin,
    })),
    (chunk) => db.insertInto('quantity').values(chunk).execute(),
  );
}

/** How many goals a block has (0 for a year not stored: `fiscalYearId` undefined). */
export async function countBlockGoals(
  db: Kysely<Database>,
  key: { departmentId: number; fiscalYearId: number | undefined; block: BlockKind },
): Promise<number> {
  if (key.fiscalYearId === undefined) return 0;
  const row = await db
    .selectFrom('goal')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', key.departmentId)
    .where('fiscal_year_id', '=', key.fiscalYearId)
    .where('block', '=', key.block)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface BlockGoalCount {
  department_id: number;
  year: number;
  block: BlockKind;
  n: number;
}

/** The goal count of every stored block of these departments, every year. */
export async function blockGoalCounts(
  db: Kysely<Database>,
  departmentIds: number[],
): Promise<BlockGoalCount[]> {
  if (departmentIds.length === 0) return [];
  // Grouped by department, so pieces of the department list never split a group.
  const rows = await inChunks(departmentIds, (chunk) =>
    db
      .selectFrom('goal')
      .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
      .select([
        'goal.department_id',
        'fiscal_year.year',
        'goal.block',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('goal.department_id', 'in', chunk)
      .groupBy(['goal.department_id', 'fiscal_year.year', 'goal.block'])
      .execute(),
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
