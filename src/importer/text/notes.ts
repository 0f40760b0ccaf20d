/**
 * Notes (達成状況 / 期限・数値目標等) to items, by circled number. Nothing is dropped: a repeated
 * number keeps both texts in order, a number without an item becomes an item of its own with
 * empty text; both are warned about.
 */

import { toCircled } from '../../domain/vocabulary/numbering.ts';
import type { Block, Item } from '../../format/document.schema.ts';
import { type DraftItem, type DraftNote, joinParts, noteLabel, type Warn } from './drafts.ts';

interface Slot {
  item: DraftItem;
  notes: string[];
}

function times(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

/** Orphans go before the first item with a higher number, so the goal still reads in order. */
function insertOrphan(slots: Slot[], slot: Slot): void {
  const at = slots.findIndex((s) => s.item.no > slot.item.no);
  if (at < 0) slots.push(slot);
  else slots.splice(at, 0, slot);
}

function orphan(no: number, line: number): Slot {
  return { item: { no, unit: undefined, parts: [], line }, notes: [] };
}

export function attachNotes(
  block: Block,
  goalNo: number,
  items: readonly DraftItem[],
  notes: readonly DraftNote[],
  warn: Warn,
): Item[] {
  const label = noteLabel(block);
  const slots: Slot[] = items.map((item) => ({ item, notes: [] }));
  // Lookups by map, not by scanning the slots per note: a goal may hold thousands of rows.
  const byItem = new Map(slots.map((s) => [s.item, s] as const));
  const byNo = new Map<number, Slot>();
  for (const slot of slots) if (!byNo.has(slot.item.no)) byNo.set(slot.item.no, slot);
  let highestNo = 0;
  for (const item of items) highestNo = Math.max(highestNo, item.no);
  const counts = new Map<number, number>();

  for (const note of notes) {
    const text = joinParts(note.parts);
    if (note.no === undefined) {
      const draft = items[note.itemIndex];
      const current = draft === undefined ? undefined : byItem.get(draft);
      if (current) {
        current.notes.push(text);
        if (items.length > 1) {
          warn(
            `goal ${goalNo}: ${label} without numbering attached to item ${toCircled(current.item.no)}`,
            note.line,
          );
        }
      } else {
        highestNo += 1;
        const slot = orphan(highestNo, note.line);
        slot.notes.push(text);
        insertOrphan(slots, slot);
        byNo.set(highestNo, slot);
        warn(`goal ${goalNo}: ${label} without numbering has no matching item`, note.line);
      }
      continue;
    }
    const count = (counts.get(note.no) ?? 0) + 1;
    counts.set(note.no, count);
    if (count > 1)
      warn(`goal ${goalNo}: ${label} numbering ${toCircled(note.no)} appears ${times(count)}`, note.line);
    let slot = byNo.get(note.no);
    if (!slot) {
      slot = orphan(note.no, note.line);
      insertOrphan(slots, slot);
      byNo.set(note.no, slot);
      highestNo = Math.max(highestNo, note.no);
      warn(`goal ${goalNo}: ${label} ${toCircled(note.no)} has no matching item`, note.line);
    }
    slot.notes.push(text);
  }

  return slots.map(({ item, notes: texts }) => {
    const note = joinParts(texts);
    const noteField = note === '' ? {} : block === 'review' ? { achievement: note } : { target: note };
    return {
      no: item.no,
      text: joinParts(item.parts),
      ...(item.unit === undefined ? {} : { unit: item.unit }),
      ...noteField,
    };
  });
}
