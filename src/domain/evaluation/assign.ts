export interface Candidate<A, B> {
  a: A;
  b: B;
  score: number;
}

/**
 * One-to-one pairs, best score first; equal scores keep the order the candidates were listed in, so
 * the result does not depend on the engine's row order once the inputs are sorted.
 */
export function greedyAssign<A, B>(candidates: Candidate<A, B>[]): Candidate<A, B>[] {
  const sorted = candidates.map((c, i) => ({ c, i })).sort((x, y) => y.c.score - x.c.score || x.i - y.i);
  const usedA = new Set<A>();
  const usedB = new Set<B>();
  const chosen: Candidate<A, B>[] = [];
  for (const { c } of sorted) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    chosen.push(c);
  }
  return chosen;
}
