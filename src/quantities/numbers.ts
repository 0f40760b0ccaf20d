import { digitCount } from '../format/quantity-range.ts';

/**
 * Folds full-width ASCII (`１２`, `，`, `．`, `％`, `ｋｍ`, `／`) to half-width one character for one,
 * so every offset into the folded text is also an offset into the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

interface Scanned {
  value: number;
  end: number;
  /** Digits written, across every group of a place-word number (range.ts holds the limit). */
  digits: number;
}

/**
 * One run of digits at `pos`: thousands separators only when followed by exactly three digits (so
 * `月1,2回` stays two numbers), a decimal point only when a digit follows.
 */
const DIGITS = /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?/y;

export function scanDigits(folded: string, pos: number): Scanned | undefined {
  DIGITS.lastIndex = pos;
  const match = DIGITS.exec(folded);
  if (!match) return undefined;
  const literal = match[0];
  return {
    value: Number(literal.replaceAll(',', '')),
    end: pos + literal.length,
    digits: digitCount(literal),
  };
}

/** Longest first, so `百万` wins over `百`. */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['兆', 1e12],
  ['億', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

function matchMultiplier(folded: string, pos: number): readonly [string, number] | undefined {
  return MULTIPLIERS.find(([word]) => folded.startsWith(word, pos));
}

/** Multiplying a decimal by a power of ten leaves binary noise (1.1 * 1e4); 12 significant digits is ample. */
const clean = (n: number): number => Number(n.toPrecision(12));

/**
 * A number with Japanese place words (`2億4,600万`, `4,200千`, `1万5000`) at `pos`. Place words must
 * shrink from group to group, so `2億4,600万` adds up while `5千万` is one multiplier; a group without
 * a place word ends the number.
 */
export function scanNumber(folded: string, pos: number): Scanned | undefined {
  let cursor = pos;
  let total = 0;
  let digits = 0;
  let ceiling = Number.POSITIVE_INFINITY;
  for (;;) {
    const group = scanDigits(folded, cursor);
    if (!group) break;
    digits += group.digits;
    const multiplier = matchMultiplier(folded, group.end);
    if (!multiplier || multiplier[1] >= ceiling) {
      total += group.value;
      cursor = group.end;
      break;
    }
    total += group.value * multiplier[1];
    ceiling = multiplier[1];
    cursor = group.end + multiplier[0].length;
    if (!isDigit(folded.charAt(cursor))) break;
  }
  return cursor === pos ? undefined : { value: clean(total), end: cursor, digits };
}
