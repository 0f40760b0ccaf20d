import { type Candidate, greedyAssign } from './assign.ts';
import type { QuantityContext } from './note-context.ts';
import type { PreparedQuantity } from './prepare.ts';
import { containment, dice } from './text.ts';

/** Below this label similarity a pair needs a shared sub-item or an unambiguous unit to stand. */
const MIN_LABEL_SIMILARITY = 0.2;
/** An achievement that restates the target (`目標40.0%→3/1現在36.3%`) is not the actual. */
const RESTATED_TARGET = /目標値?$/;

/** 1 for equal values, falling to 0 at a factor of 100 apart: targets and actuals share a magnitude. */
function proximity(target: number, actual: number): number {
  if (target <= 0 || actual <= 0) return target === actual ? 1 : 0;
  return 1 - Math.min(1, Math.abs(Math.log10(actual / target)) / 2);
}

const alike = (t: string, a: string): number => (dice(t, a) + containment(t, a)) / 2;

/**
 * How alike the words around a target and an actual are: Dice averaged with how much of the
 * target's words the actual's cover, on the words before the number alone and with the words after
 * it (`任期満了者3名のうち2名が市内に定住` answers `任期満了者の市内定住` with the 2名).
 */
function labelSimilarity(t: QuantityContext, a: QuantityContext): number {
  return Math.max(alike(t.label, a.label), alike(t.label + t.trailer, a.label + a.trailer));
}

/**
 * How well an actual answers a target of a paired item, or null when it cannot: units must be
 * compatible, and `(n)` sub-items, when both have one, must agree. Then: label similarity (the
 * words before the number), the same sub-item, the same word after it (`増`, `削減`), value
 * proximity, and the same position among the item's quantities of that unit.
 */
export function scorePair(
  target: PreparedQuantity,
  actual: PreparedQuantity,
  unambiguous: boolean,
): number | null {
  if (target.unit !== actual.unit) return null;
  const t = target.context;
  const a = actual.context;
  if (t.subItem !== null && a.subItem !== null && t.subItem !== a.subItem) return null;
  const sameSubItem = t.subItem !== null && t.subItem === a.subItem;
  const label = t.label === '' && a.label === '' ? 0.5 : labelSimilarity(t, a);
  if (!sameSubItem && !unambiguous && label < MIN_LABEL_SIMILARITY) return null;
  let score = label + (sameSubItem ? 1 : 0) + 0.5 * proximity(target.row.value, actual.row.value);
  if (target.ordinal === actual.ordinal) score += 0.1;
  if (t.suffix !== '') score += a.suffix.charAt(0) === t.suffix.charAt(0) ? 0.3 : -0.2;
  return score;
}

const countBy = (list: PreparedQuantity[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const q of list) counts.set(q.unit, (counts.get(q.unit) ?? 0) + 1);
  return counts;
};

/** One-to-one pairs of the targets and actuals of one pair of items. */
export function pairQuantities(
  targets: PreparedQuantity[],
  actuals: PreparedQuantity[],
): Candidate<PreparedQuantity, PreparedQuantity>[] {
  const reported = actuals.filter((a) => !RESTATED_TARGET.test(a.context.label));
  const targetUnits = countBy(targets);
  const actualUnits = countBy(reported);
  const candidates: Candidate<PreparedQuantity, PreparedQuantity>[] = [];
  for (const t of targets) {
    for (const a of reported) {
      const unambiguous = targetUnits.get(t.unit) === 1 && actualUnits.get(a.unit) === 1;
      const score = scorePair(t, a, unambiguous);
      if (score !== null) candidates.push({ a: t, b: a, score });
    }
  }
  return greedyAssign(candidates);
}
