import { type NoteKind, readNote } from '../../quantities/roles.ts';

/** A stored quantity as the reconciler needs it. */
export interface StoredQuantity {
  id: number;
  value: number;
  unit: string;
  comparator: string;
  spanText: string | null;
  origin: 'extracted' | 'manual';
}

export interface NewQuantityRow {
  value: number;
  unit: string;
  comparator: string;
  spanText: string;
  spanStart: number;
  spanEnd: number;
  position: number;
}

export interface QuantityPlan {
  /** Rows that stay (same id, so evaluation matches and indicators made on them survive). */
  keep: Array<{ id: number; position: number; spanStart: number | null; spanEnd: number | null }>;
  insert: NewQuantityRow[];
  remove: number[];
}

const DIGIT = /[0-9０-９.,．，]/;

/** Where a phrase stands as a whole quantity: `2地区` is not the tail of `12地区`. */
function spanStart(note: string, text: string): number {
  for (let at = note.indexOf(text); at >= 0; at = note.indexOf(text, at + 1)) {
    if (at === 0 || !DIGIT.test(note.charAt(at - 1))) return at;
  }
  return -1;
}

const sameReading = (
  q: StoredQuantity,
  e: { value: number; unit: string; comparator: string; text: string },
) => q.value === e.value && q.unit === e.unit && q.comparator === e.comparator && q.spanText === e.text;

/**
 * Re-reads the quantities of a note that was edited. Manual quantities stay as the editor left them.
 * Extracted ones follow the new text, except: a phrase an editor corrected (now a manual quantity
 * with that span) is not read again beside the correction, and a phrase whose extracted quantity the
 * editor removed under the old text stays removed while the phrase is unchanged. A target text yields
 * its promises only (quantities/roles.ts).
 */
export function reconcileQuantities(
  oldNote: string,
  newNote: string,
  stored: StoredQuantity[],
  kind: NoteKind,
): QuantityPlan {
  const spans = new Set(stored.map((q) => q.spanText).filter((t): t is string => t !== null));
  const dismissed = new Set(
    readNote(oldNote, kind)
      .map((q) => q.text)
      .filter((t) => !spans.has(t)),
  );
  const manualSpans = new Set(stored.filter((q) => q.origin === 'manual').map((q) => q.spanText));
  const fresh = readNote(newNote, kind).filter((q) => !dismissed.has(q.text) && !manualSpans.has(q.text));

  const unmatched = stored.filter((q) => q.origin === 'extracted');
  type Placed = {
    start: number | null;
    end: number | null;
    keepId?: number;
    row?: Omit<NewQuantityRow, 'position'>;
  };
  const placed: Placed[] = [];
  for (const e of fresh) {
    const i = unmatched.findIndex((q) => sameReading(q, e));
    const kept = i >= 0 ? unmatched.splice(i, 1)[0] : undefined;
    if (kept) placed.push({ start: e.start, end: e.end, keepId: kept.id });
    else
      placed.push({
        start: e.start,
        end: e.end,
        row: {
          value: e.value,
          unit: e.unit,
          comparator: e.comparator,
          spanText: e.text,
          spanStart: e.start,
          spanEnd: e.end,
        },
      });
  }
  for (const m of stored.filter((q) => q.origin === 'manual')) {
    const start = m.spanText ? spanStart(newNote, m.spanText) : -1;
    placed.push({
      start: start >= 0 ? start : null,
      end: start >= 0 && m.spanText ? start + m.spanText.length : null,
      keepId: m.id,
    });
  }
  // Reading order; quantities no longer anchored in the text go last, in their old order.
  const ordered = placed
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) => (a.p.start ?? Number.MAX_SAFE_INTEGER) - (b.p.start ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    );
  const plan: QuantityPlan = { keep: [], insert: [], remove: unmatched.map((q) => q.id) };
  ordered.forEach(({ p }, position) => {
    if (p.keepId !== undefined)
      plan.keep.push({ id: p.keepId, position, spanStart: p.start, spanEnd: p.end });
    else if (p.row) plan.insert.push({ ...p.row, position });
  });
  return plan;
}
