import type { Comparator } from '../../format/document.schema.ts';

export interface RateResult {
  /** Achievement rate in percent, rounded to 0.1. */
  rate: number;
  /** The actual satisfies the target's comparator. */
  met: boolean;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function meets(comparator: Comparator, target: number, actual: number): boolean {
  switch (comparator) {
    case '>':
      return actual > target;
    case '<':
      return actual < target;
    case '<=':
      return actual <= target;
    default:
      // `=` is how a plain number reads (`2か所開設`, `新規任用 5名`): reaching it is meeting it.
      return actual >= target;
  }
}

/**
 * Achievement rate of an actual against a target, respecting the comparator:
 * - `>=` `>` `=`: actual / target;
 * - `<=` `<` (less is better): target / actual, and an actual of 0 is achieved at 100 %;
 * - a target of 0: `<=` `<` `=` (待機児童 0人) are achieved iff actual ≤ 0; `>=` `>` iff the comparison
 *   holds. Either way the rate is 100 % when achieved and 0 % when not: there is nothing to divide by.
 */
export function achievementRate(target: { value: number; comparator: string }, actual: number): RateResult {
  const comparator = target.comparator as Comparator;
  const lessIsBetter = comparator === '<=' || comparator === '<';
  if (target.value === 0) {
    const met = lessIsBetter || comparator === '=' ? actual <= 0 : meets(comparator, 0, actual);
    return { rate: met ? 100 : 0, met };
  }
  const met = meets(comparator, target.value, actual);
  if (lessIsBetter) {
    return { rate: actual <= 0 ? 100 : round1((target.value / actual) * 100), met };
  }
  return { rate: round1((actual / target.value) * 100), met };
}

/**
 * The rate grades are read from: the rate itself, except that a target not met never grades as 100 %
 * or more (`>` and `<` met only with equality, or a rate rounded up to 100.0).
 */
export function gradingRate(result: RateResult): number {
  return result.met ? Math.max(result.rate, 100) : Math.min(result.rate, 99.9);
}
