import { foldWidth } from '../../quantities/numbers.ts';

/** Width-folded, every whitespace run removed: the form titles and labels are compared in. */
export function compact(text: string): string {
  return foldWidth(text).replace(/[\s\u3000]+/g, '');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  if (text.length === 1) grams.set(text, 1);
  for (let i = 0; i + 1 < text.length; i += 1) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function sharedGrams(x: string, y: string): { shared: number; inX: number; inY: number } {
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  let inX = 0;
  let inY = 0;
  for (const [gram, n] of gx) {
    shared += Math.min(n, gy.get(gram) ?? 0);
    inX += n;
  }
  for (const n of gy.values()) inY += n;
  return { shared, inX, inY };
}

/**
 * Sørensen–Dice coefficient over character bigrams (multiset), 0..1, after folding width and
 * whitespace. Japanese has no spaces between words, so bigrams carry the meaning that words would.
 */
export function dice(a: string, b: string): number {
  const x = compact(a);
  const y = compact(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x === y) return 1;
  const { shared, inX, inY } = sharedGrams(x, y);
  return (2 * shared) / (inX + inY);
}

/** The share of `a`'s bigrams found in `b`, 0..1: how much of a short label a longer text covers. */
export function containment(a: string, b: string): number {
  const x = compact(a);
  const y = compact(b);
  if (x.length === 0 || y.length === 0) return 0;
  const { shared, inX } = sharedGrams(x, y);
  return shared / inX;
}

export function sameTitle(a: string, b: string): boolean {
  return compact(a) === compact(b);
}
