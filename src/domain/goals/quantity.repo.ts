import type { Insertable, Kysely } from 'kysely';
import { forChunks } from '../../db/batch.ts';
import type { Database, QuantityKind, QuantityTable } from '../../db/schema.ts';

/** The item's quantities of one kind, in order, as the note re-reading compares them. */
export function storedQuantities(db: Kysely<Database>, itemId: number, kind: QuantityKind) {
  return db
    .selectFrom('quantity')
    .select(['id', 'value', 'unit', 'comparator', 'span_text as spanText', 'origin'])
    .where('item_id', '=', itemId)
    .where('kind', '=', kind)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function deleteQuantities(db: Kysely<Database>, ids: number[]): Promise<void> {
  await forChunks(ids, (chunk) => db.deleteFrom('quantity').where('id', 'in', chunk).execute());
}

export async function deleteQuantity(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('quantity').where('id', '=', id).execute();
}

/** Where a kept quantity now sits in the note. */
export async function moveQuantitySpan(
  db: Kysely<Database>,
  id: number,
  span: { position: number; spanStart: number | null; spanEnd: number | null },
): Promise<void> {
  await db
    .updateTable('quantity')
    .set({ position: span.position, span_start: span.spanStart, span_end: span.spanEnd })
    .where('id', '=', id)
    .execute();
}

export async function insertQuantity(db: Kysely<Database>, row: Insertable<QuantityTable>): Promise<void> {
  await db.insertInto('quantity').values(row).execute();
}

/** An editor's values for a quantity; it becomes manual. */
export async function setManualQuantity(
  db: Kysely<Database>,
  id: number,
  values: { value: number; unit: string; comparator: string },
): Promise<void> {
  await db
    .updateTable('quantity')
    .set({ ...values, origin: 'manual' })
    .where('id', '=', id)
    .execute();
}
