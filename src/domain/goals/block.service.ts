import type { Kysely } from 'kysely';
import type { Database, QuantityKind } from '../../db/schema.ts';
import type { Block, Goal, Item, Quantity } from '../../format/document.schema.ts';
import { ensureDepartment } from '../departments/department.repo.ts';
import {
  type BlockKey,
  deleteGoals,
  deleteItems,
  insertGoal,
  insertItem,
  loadBlock,
  type QuantityValues,
  replaceQuantities,
  type StoredGoal,
  type StoredItem,
  updateGoal,
  updateItem,
} from './goal.repo.ts';

export interface BlockChange {
  kind: 'added' | 'changed' | 'removed';
  block: Block;
  fiscalYear: number;
  goalNo: number;
  itemNo?: number;
}

export interface ReplaceBlockInput {
  key: BlockKey;
  fiscalYear: number;
  municipalityId: number;
  sourceDocumentId: number | null;
  goals: Goal[];
}

/**
 * Makes one stored block equal to `goals`, keeping the ids of rows that still match (same goal
 * row number, same item number in order) so that links made to them later survive a re-import.
 */
export async function replaceBlock(
  db: Kysely<Database>,
  input: ReplaceBlockInput,
): Promise<{ changes: BlockChange[]; previousGoalCount: number }> {
  const { key, fiscalYear } = input;
  const existing = await loadBlock(db, key);
  const changes: BlockChange[] = [];
  const note = (kind: BlockChange['kind'], goalNo: number, itemNo?: number) =>
    changes.push({ kind, block: key.block, fiscalYear, goalNo, ...(itemNo === undefined ? {} : { itemNo }) });
  const unmatched = [...existing];

  for (const [position, goal] of input.goals.entries()) {
    const matchIndex = unmatched.findIndex((g) => g.no === goal.no);
    const stored = matchIndex >= 0 ? unmatched.splice(matchIndex, 1)[0] : undefined;
    if (!stored) {
      const goalId = await insertGoal(db, key, {
        ...goal,
        position,
        sourceDocumentId: input.sourceDocumentId,
      });
      for (const [itemPosition, item] of goal.items.entries()) {
        const itemId = await insertItem(db, goalId, await itemValues(db, input, item, itemPosition));
        await replaceQuantities(db, itemId, quantityKind(key.block), toQuantityValues(item, key.block));
      }
      note('added', goal.no);
      continue;
    }
    const titleChanged = stored.title !== goal.title || stored.position !== position;
    const itemChanges = await reconcileItems(db, input, stored, goal);
    await updateGoal(db, stored.id, {
      position,
      title: goal.title,
      sourceDocumentId: input.sourceDocumentId,
      bumpVersion: titleChanged || itemChanges.length > 0,
    });
    if (titleChanged) note('changed', goal.no);
    for (const c of itemChanges) note(c.kind, goal.no, c.itemNo);
  }
  await deleteGoals(
    db,
    unmatched.map((g) => g.id),
  );
  for (const g of unmatched) note('removed', g.no);
  return { changes, previousGoalCount: existing.length };
}

async function reconcileItems(
  db: Kysely<Database>,
  input: ReplaceBlockInput,
  stored: StoredGoal,
  goal: Goal,
): Promise<Array<{ kind: BlockChange['kind']; itemNo: number }>> {
  const block = input.key.block;
  const changes: Array<{ kind: BlockChange['kind']; itemNo: number }> = [];
  const unmatched = [...stored.items];
  for (const [position, item] of goal.items.entries()) {
    const values = await itemValues(db, input, item, position);
    const matchIndex = unmatched.findIndex((i) => i.no === item.no);
    const old = matchIndex >= 0 ? unmatched.splice(matchIndex, 1)[0] : undefined;
    const quantities = toQuantityValues(item, block);
    if (!old) {
      const itemId = await insertItem(db, stored.id, values);
      await replaceQuantities(db, itemId, quantityKind(block), quantities);
      changes.push({ kind: 'added', itemNo: item.no });
      continue;
    }
    const quantitiesChanged = !sameQuantities(old, quantities);
    const changed =
      old.text !== values.text ||
      old.unitId !== values.unitId ||
      old.target !== values.target ||
      old.achievement !== values.achievement ||
      quantitiesChanged;
    if (changed || old.position !== position) {
      await updateItem(db, old.id, { ...values, bumpVersion: changed });
    }
    if (quantitiesChanged) await replaceQuantities(db, old.id, quantityKind(block), quantities);
    if (changed) changes.push({ kind: 'changed', itemNo: item.no });
  }
  await deleteItems(
    db,
    unmatched.map((i) => i.id),
  );
  for (const i of unmatched) changes.push({ kind: 'removed', itemNo: i.no });
  return changes;
}

async function itemValues(db: Kysely<Database>, input: ReplaceBlockInput, item: Item, position: number) {
  const unitId = item.unit
    ? (await ensureDepartment(db, input.municipalityId, item.unit, input.key.departmentId)).id
    : null;
  return {
    no: item.no,
    position,
    unitId,
    text: item.text,
    target: input.key.block === 'plan' ? (item.target ?? null) : null,
    achievement: input.key.block === 'review' ? (item.achievement ?? null) : null,
  };
}

export function quantityKind(block: Block): QuantityKind {
  return block === 'plan' ? 'target' : 'actual';
}

function toQuantityValues(item: Item, block: Block): QuantityValues[] {
  const note = (block === 'plan' ? item.target : item.achievement) ?? '';
  let from = 0;
  return (item.quantities ?? []).map((q: Quantity) => {
    const start = q.text ? spanStart(note, q.text, from) : -1;
    if (start >= 0 && q.text) from = start + q.text.length;
    return {
      value: q.value,
      unit: q.unit,
      comparator: q.comparator,
      spanText: q.text ?? null,
      spanStart: start >= 0 ? start : null,
      spanEnd: start >= 0 && q.text ? start + q.text.length : null,
      origin: 'extracted',
    };
  });
}

function sameQuantities(old: StoredItem, next: QuantityValues[]): boolean {
  if (old.quantities.length !== next.length) return false;
  return old.quantities.every((q, i) => {
    const n = next[i];
    return (
      n !== undefined &&
      q.value === n.value &&
      q.unit === n.unit &&
      q.comparator === n.comparator &&
      q.span_text === n.spanText
    );
  });
}

const NUMERIC = /[0-9０-９.,．，]/;

/** Where a quantity's span stands: not inside a longer number (`2地区` is not the end of `12地区`). */
function spanStart(note: string, text: string, from: number): number {
  for (let at = note.indexOf(text, from); at >= 0; at = note.indexOf(text, at + 1)) {
    if (at === 0 || !NUMERIC.test(note[at - 1] ?? '')) return at;
  }
  return note.indexOf(text, from);
}
