/**
 * Text similarity for Japanese goal wording. Japanese has no spaces, so words cannot be counted;
 * character bigrams of a folded key (NFKC, no whitespace) are robust to small rewordings.
 */
export function foldKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Multiset of character bigrams (a one-character key counts as its own "bigram"). */
export function bigrams(text: string): Map<string, number> {
  const chars = [...foldKey(text)];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0] as string, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function size(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

/** Walks the smaller multiset: the sum of minimums is the same either way. */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, n] of small) {
    const m = large.get(gram);
    if (m !== undefined) shared += n < m ? n : m;
  }
  return shared;
}

/** Sørensen–Dice coefficient on bigram multisets: 1 for equal keys, 0 for nothing shared. */
export function dice(a: string, b: string): number {
  return diceOf(gramsOf(a), gramsOf(b));
}

/** A text with its bigrams counted once, for comparing one text against many. */
export interface Grams {
  counts: Map<string, number>;
  size: number;
}

export function gramsOf(text: string): Grams {
  const counts = bigrams(text);
  return { counts, size: size(counts) };
}

export function diceOf(a: Grams, b: Grams): number {
  const total = a.size + b.size;
  return total === 0 ? 0 : (2 * overlap(a.counts, b.counts)) / total;
}
