import type { GoalEvaluation, TargetEvaluation } from './evaluation.types.ts';
import { type GradeScale, gradeOf } from './grades.ts';
import { gradingRate } from './rate.ts';

/**
 * Over-achieving one target may make up for missing another only this far: a rate counts at most
 * 120 % in any mean (high enough that an S band at 120 % stays reachable).
 */
export const RATE_CAP = 120;

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The capped grading rate of a reported target; null while it is 未報告. */
export function targetScore(t: TargetEvaluation): number | null {
  if (t.rate === null || t.met === null) return null;
  return Math.min(gradingRate({ rate: t.rate, met: t.met }), RATE_CAP);
}

/** An average achievement rate and what it stands on. */
export interface Average {
  /** Mean of the reported targets' capped rates (0.1 %), null when none is reported. */
  rate: number | null;
  grade: string | null;
  reported: number;
  unreported: number;
}

/**
 * The one "average achievement rate" of a department or a city: over reported numeric targets only,
 * each counted once, with the number still 未報告 kept beside it so a few reports never read as the
 * whole. Self-assessed goals have no rate and stay out of it (their grades are counted by grade).
 */
export function averageOf(scale: GradeScale, goals: GoalEvaluation[]): Average {
  const targets = goals.flatMap((g) => g.items.flatMap((i) => i.targets));
  const scores = targets.map(targetScore).filter((s): s is number => s !== null);
  const rate = scores.length === 0 ? null : round1(scores.reduce((a, b) => a + b, 0) / scores.length);
  return {
    rate,
    grade: rate === null ? null : gradeOf(scale, rate),
    reported: scores.length,
    unreported: targets.length - scores.length,
  };
}

/** 「平均達成率 92.1%（報告済み 5 件・未報告 24 件）」: the same words on every page and report. */
export function averageText(a: Pick<Average, 'rate' | 'reported' | 'unreported'>): string {
  const rate = a.rate === null ? '—' : `${a.rate.toFixed(1)}%`;
  return `平均達成率 ${rate}（報告済み ${a.reported} 件・未報告 ${a.unreported} 件）`;
}
