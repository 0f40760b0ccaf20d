import type { Comparator } from '../format/document.schema.ts';

/** Longest first within each list, so `を目指します` is read whole rather than as `を目指し`. */
const BOUNDS: ReadonlyArray<readonly [string, Comparator]> = [
  ['を上回る', '>'],
  ['を下回る', '<'],
  ['を超える', '>'],
  ['を超え', '>'],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['未満', '<'],
  ['超過', '>'],
  ['超', '>'],
];

/** A goal one strives to reach is a floor: `80%を目指す` reads as at least 80 %. */
const AIMS = ['を目指します', 'を目指す', 'を目指し'];

/** Hedges keep `=`: an approximate target is still a target, not a bound. */
const HEDGES = ['程度', '前後'];

export interface ComparatorMatch {
  comparator: Comparator;
  end: number;
}

const startingAt = (text: string, pos: number, words: readonly string[]): string | undefined =>
  words.find((word) => text.startsWith(word, pos));

/**
 * The comparator written right after a unit ending at `pos`, and where its wording ends so the span
 * can cover it (`20件以上`, `3回程度`, `80%以上を目指す`). With no wording it is `=` ending at `pos`.
 */
export function readComparator(text: string, pos: number): ComparatorMatch {
  let end = pos;
  const hedge = startingAt(text, end, HEDGES);
  if (hedge) end += hedge.length;
  let comparator: Comparator = '=';
  const bound = BOUNDS.find(([word]) => text.startsWith(word, end));
  if (bound) {
    comparator = bound[1];
    end += bound[0].length;
  }
  const aim = startingAt(text, end, AIMS);
  if (aim) {
    // An explicit bound already says which side the goal is on (`5件以下を目指す` stays <=).
    if (!bound) comparator = '>=';
    end += aim.length;
  }
  return { comparator, end };
}
