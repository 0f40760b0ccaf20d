import type { GradeCount, RollUp } from '../../domain/evaluation/index.ts';
import type { CountBar } from '../charts/index.ts';

/** Goal counts per grade, summed over roll-ups in the scale's order, with 未評価 last when any. */
export function goalGradeBars(rollUps: RollUp[]): CountBar[] {
  const counts = new Map<string, number>();
  const add = (g: GradeCount) => counts.set(g.label, (counts.get(g.label) ?? 0) + g.count);
  for (const r of rollUps) for (const g of r.goals.byGrade) add(g);
  const ungraded = rollUps.reduce((sum, r) => sum + r.goals.ungraded, 0);
  const bars = [...counts].map(([label, count]) => ({ label, count }));
  return ungraded > 0 ? [...bars, { label: '未評価', count: ungraded }] : bars;
}

export function describeBars(bars: CountBar[]): string {
  return bars.map((b) => `${b.label} ${b.count}件`).join('、');
}

export function mean(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
}
