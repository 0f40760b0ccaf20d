import type { Quantity } from '../format/document.schema.ts';
import { isQuantityValue, MAX_QUANTITY_DIGITS } from '../format/quantity-range.ts';
import { readComparator } from './comparators.ts';
import { isNotAmount } from './context.ts';
import { matchCounter } from './counters.ts';
import { foldWidth, isDigit, scanNumber } from './numbers.ts';

/** A quantity with the span it was read from: `text === input.slice(start, end)` (UTF-16 offsets). */
export type ExtractedQuantity = Quantity & { text: string; start: number; end: number };

interface UnitMatch {
  unit: string;
  end: number;
}

/** Western style puts a space before a percent sign (`80 %`); other counters are always glued on. */
function readUnit(folded: string, pos: number): UnitMatch | undefined {
  const unit = matchCounter(folded, pos);
  if (unit) return { unit, end: pos + unit.length };
  if (/^[ \u3000]%/.test(folded.slice(pos, pos + 2))) return { unit: '%', end: pos + 2 };
  return undefined;
}

/**
 * Every quantity in a target or achievement text, in reading order (format.md "Quantities"): a number
 * (full-width digits, thousands separators, decimals and 万/億/千 place words allowed) directly followed
 * by a known counter, with an optional comparator word after it. Dates, ordinals and numbering are
 * skipped, and so is a number whose following word is not a known counter or that is out of the range
 * of quantities (range.ts).
 */
export function extractQuantities(text: string): ExtractedQuantity[] {
  const folded = foldWidth(text);
  const found: ExtractedQuantity[] = [];
  let i = 0;
  while (i < folded.length) {
    if (!isDigit(folded.charAt(i)) || isDigit(folded.charAt(i - 1))) {
      i += 1;
      continue;
    }
    const number = scanNumber(folded, i);
    if (!number) {
      i += 1;
      continue;
    }
    if (number.digits > MAX_QUANTITY_DIGITS || !isQuantityValue(number.value)) {
      // Too large or too long to be meant (a pasted ID, a run of digits): the text keeps it as written.
      i = number.end;
      continue;
    }
    const unit = readUnit(folded, number.end);
    if (!unit || isNotAmount(folded, i, unit.unit, unit.end)) {
      i = number.end;
      continue;
    }
    const { comparator, end } = readComparator(folded, unit.end);
    found.push({ value: number.value, unit: unit.unit, comparator, text: text.slice(i, end), start: i, end });
    i = end;
  }
  return found;
}
