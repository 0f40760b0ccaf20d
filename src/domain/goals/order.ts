import type { Direction } from './goal-edit.types.ts';

/** The index a row swaps with; the row's own index when it is already at that edge. */
export function neighbourIndex(length: number, index: number, direction: Direction): number {
  const next = direction === 'up' ? index - 1 : index + 1;
  return next < 0 || next >= length ? index : next;
}

interface Ordered {
  id: number;
  no: number;
  position: number;
}

/**
 * After removing one row, the rows whose number or position must change. Numbers close the gap
 * only when the rows were numbered 1..n in order: deliberate numbering (gaps, repeats) is kept.
 */
export function renumberedAfterRemoval<T extends Ordered>(rows: T[], removedId: number): Ordered[] {
  const sequential = rows.every((r, i) => r.no === i + 1);
  return rows
    .filter((r) => r.id !== removedId)
    .map((r, i) => ({ id: r.id, no: sequential ? i + 1 : r.no, position: i }))
    .filter((r, i) => {
      const old = rows.find((o) => o.id === r.id);
      return old !== undefined && (old.no !== r.no || old.position !== i);
    });
}
