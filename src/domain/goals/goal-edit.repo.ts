import type { Insertable, Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { BlockKind, Database } from '../../db/schema.ts';
import { blockGoalRows, itemRows } from './goal.repo.ts';
import type { BlockContext, GoalSnapshot, ItemSnapshot, QuantitySnapshot } from './goal-edit.types.ts';

/** Rows of one block in display order; `no` and `position` are what moves and renumbering change. */
export async function blockGoals(db: Kysely<Database>, ctx: BlockContext): Promise<GoalSnapshot[]> {
  return blockGoalRows(db, ctx);
}

export async function goalSnapshot(db: Kysely<Database>, id: number): Promise<GoalSnapshot | null> {
  const row = await db
    .selectFrom('goal')
    .select(['id', 'no', 'position', 'title', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function goalItems(
  db: Kysely<Database>,
  goalId: number,
): Promise<Array<{ id: number; no: number; position: number; version: number }>> {
  return db
    .selectFrom('item')
    .select(['id', 'no', 'position', 'version'])
    .where('goal_id', '=', goalId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function itemSnapshot(
  db: Kysely<Database>,
  id: number,
  block: BlockKind,
): Promise<ItemSnapshot | null> {
  const row = await itemRows(db).where('item.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const quantities = await db
    .selectFrom('quantity')
    .selectAll()
    .where('item_id', '=', id)
    .where('kind', '=', block === 'plan' ? 'target' : 'actual')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    goalId: row.goal_id,
    no: row.no,
    position: row.position,
    unitId: row.unit_id,
    unitName: row.unit_name,
    text: row.text,
    note: block === 'plan' ? row.target : row.achievement,
    version: row.version,
    quantities: quantities.map(
      (q): QuantitySnapshot => ({
        id: q.id,
        kind: q.kind,
        value: q.value,
        unit: q.unit,
        comparator: q.comparator,
        spanText: q.span_text,
        origin: q.origin,
      }),
    ),
  };
}

/**
 * The optimistic-concurrency write: it lands only when the row still has the version the editor
 * started from, and bumps it. False means someone else was first (or the row is gone).
 */
export async function updateGoalIfVersion(
  db: Kysely<Database>,
  id: number,
  version: number,
  values: { title?: string; no?: number; position?: number },
): Promise<boolean> {
  const result = await db
    .updateTable('goal')
    .set((eb) => ({ ...values, updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ItemWrite {
  no?: number;
  position?: number;
  unit_id?: number | null;
  text?: string;
  target?: string | null;
  achievement?: string | null;
}

export async function updateItemIfVersion(
  db: Kysely<Database>,
  id: number,
  version: number,
  values: ItemWrite,
): Promise<boolean> {
  const result = await db
    .updateTable('item')
    .set((eb) => ({ ...values, updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Rows the editor did not touch but whose order moved: position only, their content version stays. */
export async function setGoalOrder(db: Kysely<Database>, id: number, no: number, position: number) {
  await db.updateTable('goal').set({ no, position, updated_at: nowIso() }).where('id', '=', id).execute();
}

/** An item's number is part of its edit form, so renumbering it is a change other editors must see. */
export async function setItemOrder(db: Kysely<Database>, id: number, no: number, position: number) {
  await db
    .updateTable('item')
    .set((eb) => ({ no, position, updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteGoalIfVersion(db: Kysely<Database>, id: number, version: number) {
  const result = await db
    .deleteFrom('goal')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteItemIfVersion(db: Kysely<Database>, id: number, version: number) {
  const result = await db
    .deleteFrom('item')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A department's city and parent (top-level departments have none). */
export function findDepartmentPlace(db: Kysely<Database>, departmentId: number) {
  return db
    .selectFrom('department')
    .select(['id', 'municipality_id', 'parent_id'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
}

/** Where a goal sits: department, fiscal year, block, year and city. */
export function findGoalPlace(db: Kysely<Database>, goalId: number) {
  return db
    .selectFrom('goal')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .innerJoin('department', 'department.id', 'goal.department_id')
    .select([
      'goal.department_id',
      'goal.fiscal_year_id',
      'goal.block',
      'fiscal_year.year',
      'department.municipality_id',
    ])
    .where('goal.id', '=', goalId)
    .executeTakeFirst();
}

/** The goal an item belongs to (undefined when there is no such item). */
export function findItemGoalId(db: Kysely<Database>, itemId: number) {
  return db.selectFrom('item').select('goal_id').where('id', '=', itemId).executeTakeFirst();
}

/** Adds a goal row; its id. */
export async function insertGoal(db: Kysely<Database>, row: Insertable<Database['goal']>): Promise<number> {
  const { id } = await db.insertInto('goal').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Adds an item row; its id. */
export async function insertItem(db: Kysely<Database>, row: Insertable<Database['item']>): Promise<number> {
  const { id } = await db.insertInto('item').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
