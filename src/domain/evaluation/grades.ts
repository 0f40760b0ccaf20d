import { z } from 'zod';
import type { GradePreset } from '../../db/tables/evaluation.ts';
import { AppError } from '../../errors.ts';

/** One grade: reached when the rate is at least minRate (percent). */
export interface GradeBand {
  label: string;
  minRate: number;
}

/** Bands highest first; the last one starts at 0 and catches everything below the others. */
export interface GradeScale {
  preset: GradePreset;
  name: string;
  bands: GradeBand[];
}

/**
 * The presets. A/B/C keeps the default's bands under letters; A–D adds a band at 60 %; S/A/B/C
 * rewards clear over-achievement (S from 120 %).
 */
export const GRADE_PRESETS: Record<Exclude<GradePreset, 'custom'>, GradeScale> = {
  achievement: {
    preset: 'achievement',
    name: '達成度（3段階）',
    bands: [
      { label: '達成', minRate: 100 },
      { label: '概ね達成', minRate: 80 },
      { label: '未達成', minRate: 0 },
    ],
  },
  abc: {
    preset: 'abc',
    name: 'A・B・C（3段階）',
    bands: [
      { label: 'A', minRate: 100 },
      { label: 'B', minRate: 80 },
      { label: 'C', minRate: 0 },
    ],
  },
  a_to_d: {
    preset: 'a_to_d',
    name: 'A〜D（4段階）',
    bands: [
      { label: 'A', minRate: 100 },
      { label: 'B', minRate: 80 },
      { label: 'C', minRate: 60 },
      { label: 'D', minRate: 0 },
    ],
  },
  s_to_c: {
    preset: 's_to_c',
    name: 'S・A・B・C（4段階）',
    bands: [
      { label: 'S', minRate: 120 },
      { label: 'A', minRate: 100 },
      { label: 'B', minRate: 80 },
      { label: 'C', minRate: 0 },
    ],
  },
};

export const DEFAULT_SCALE: GradeScale = GRADE_PRESETS.achievement;

export const gradeBandsSchema = z
  .array(z.object({ label: z.string().trim().min(1).max(20), minRate: z.number().finite().min(0) }))
  .min(2)
  .max(10)
  .refine((bands) => new Set(bands.map((b) => b.label)).size === bands.length, 'labels must differ')
  .refine(
    (bands) => bands.every((b, i) => i === 0 || b.minRate < (bands[i - 1]?.minRate ?? 0)),
    'bands go from the highest minRate down',
  )
  .refine((bands) => bands.at(-1)?.minRate === 0, 'the last band starts at 0');

/** Checked bands, or INVALID_INPUT naming what is wrong. */
export function validBands(bands: unknown): GradeBand[] {
  const parsed = gradeBandsSchema.safeParse(bands);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'invalid bands', {
      field: 'bands',
    });
  }
  return parsed.data;
}

/** The label of the band a rate falls in. */
export function gradeOf(scale: GradeScale, rate: number): string {
  const band = scale.bands.find((b) => rate >= b.minRate) ?? scale.bands.at(-1);
  return band?.label ?? '';
}

/**
 * The rate a self-assessed grade stands for in a roll-up: the lower bound of the top band (reaching it
 * is all it says), the middle of any other band.
 */
export function representativeRate(scale: GradeScale, label: string): number | null {
  const index = scale.bands.findIndex((b) => b.label === label);
  const band = scale.bands[index];
  if (!band) return null;
  const above = scale.bands[index - 1];
  return above === undefined ? band.minRate : (band.minRate + above.minRate) / 2;
}

export function hasGrade(scale: GradeScale, label: string): boolean {
  return scale.bands.some((b) => b.label === label);
}

/** "達成 ≥100% / 概ね達成 ≥80% / 未達成 <80%" */
export function describeScale(scale: GradeScale): string {
  return scale.bands
    .map((b, i) => {
      const above = scale.bands[i - 1];
      if (b.minRate === 0 && above) return `${b.label} <${above.minRate}%`;
      return `${b.label} ≥${b.minRate}%`;
    })
    .join(' / ');
}
