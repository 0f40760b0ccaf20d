import { z } from 'zod';
import {
  GRADE_PRESETS,
  type GradeBand,
  type GradeScale,
  type GradeScaleInput,
} from '../../domain/evaluation/index.ts';
import { foldWidth } from '../../quantities/numbers.ts';

/** The grade-scale form: raw values (kept as typed on error), field ids, and zod parsing into the service's input. */
export const MAX_BANDS = 10;
export const MAX_LABEL = 20;
export const MAX_NAME = 40;
export const PRESET_KEYS = Object.keys(GRADE_PRESETS) as Array<keyof typeof GRADE_PRESETS>;

export interface BandRow {
  label: string;
  minRate: string;
}
export interface GradeScaleFormValues {
  preset: string;
  name: string;
  rows: BandRow[];
  /** The first fiscal year (西暦) the scale grades, as chosen in the select. */
  fromYear: string;
}
/** `field` is the id of the input that is wrong: the error summary links to it. */
export interface FieldError {
  field: string;
  message: string;
}

export const fieldId = {
  preset: (key: string) => `grade-preset-${key}`,
  name: 'grade-name',
  fromYear: 'grade-from-year',
  label: (i: number) => `grade-label-${i}`,
  minRate: (i: number) => `grade-min-${i}`,
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function formValuesOf(body: Record<string, unknown>): GradeScaleFormValues {
  const rows = Array.from({ length: MAX_BANDS }, (_, i) => ({
    label: text(body[`label-${i}`]),
    minRate: text(body[`minRate-${i}`]),
  }));
  return { preset: text(body.preset), name: text(body.name), rows, fromYear: text(body.fromYear) };
}

/** The years the form offers: ten back (to set a past year's scale) and two ahead of the current 年度. */
export function fromYearChoices(currentYear: number): number[] {
  return Array.from({ length: 13 }, (_, i) => currentYear - 10 + i);
}

/** The form as it opens: the current scale selected; a custom scale also fills the custom rows. */
export function formValuesFromScale(scale: GradeScale, currentYear: number): GradeScaleFormValues {
  const custom = scale.preset === 'custom';
  const rows = Array.from({ length: MAX_BANDS }, (_, i) => {
    const band = custom ? scale.bands[i] : undefined;
    return { label: band?.label ?? '', minRate: band ? String(band.minRate) : '' };
  });
  return { preset: scale.preset, name: custom ? scale.name : '', rows, fromYear: String(currentYear) };
}

const RATE = /^\d{1,4}(\.\d{1,2})?$/;

const customSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, '独自の評価区分の名称を入力してください。')
      .max(MAX_NAME, `独自の評価区分の名称は${MAX_NAME}文字以内で入力してください。`),
    rows: z.array(
      z.object({
        label: z.string().trim(),
        // Full-width digits and a trailing % are what people type; both mean the same number.
        minRate: z.string().transform((s) => foldWidth(s).trim().replace(/%$/, '').trim()),
      }),
    ),
  })
  .transform((v, ctx) => {
    const fail = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const bands: Array<GradeBand & { row: number }> = [];
    v.rows.forEach((r, i) => {
      const n = i + 1;
      if (r.label === '' && r.minRate === '') return;
      if (r.label === '') fail(['rows', i, 'label'], `段階${n}の評価を入力してください。`);
      else if (r.label.length > MAX_LABEL)
        fail(['rows', i, 'label'], `段階${n}の評価は${MAX_LABEL}文字以内で入力してください。`);
      if (r.minRate === '') fail(['rows', i, 'minRate'], `段階${n}の達成率の下限を入力してください。`);
      else if (!RATE.test(r.minRate))
        fail(['rows', i, 'minRate'], `段階${n}の達成率の下限は0以上の数（%）で入力してください。`);
      else bands.push({ label: r.label, minRate: Number(r.minRate), row: i });
    });
    if (ctx.issues.length > 0) return z.NEVER;
    const firstEmpty = v.rows.findIndex((r) => r.label === '' && r.minRate === '');
    if (bands.length < 2)
      fail(['rows', Math.max(firstEmpty, 0), 'label'], '2つ以上の段階を入力してください。');
    bands.forEach((b, k) => {
      const n = b.row + 1;
      const same = bands.findIndex((o) => o.label === b.label);
      if (same < k)
        fail(
          ['rows', b.row, 'label'],
          `段階${n}の評価「${b.label}」は段階${(bands[same]?.row ?? 0) + 1}と同じです。`,
        );
      const above = bands[k - 1];
      if (above && b.minRate >= above.minRate)
        fail(
          ['rows', b.row, 'minRate'],
          `段階${n}の下限は上の段階（${above.minRate}%）より小さくしてください。`,
        );
    });
    const last = bands.at(-1);
    if (last && bands.length >= 2 && last.minRate !== 0)
      fail(['rows', last.row, 'minRate'], `最後の段階（段階${last.row + 1}）の下限は0%にしてください。`);
    if (ctx.issues.length > 0) return z.NEVER;
    return { name: v.name, bands: bands.map(({ label, minRate }) => ({ label, minRate })) };
  });

export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, row, part] = path;
  if (head === 'name') return fieldId.name;
  if (head === 'rows' && typeof row === 'number')
    return part === 'minRate' ? fieldId.minRate(row) : fieldId.label(row);
  return fieldId.preset(PRESET_KEYS[0] ?? 'achievement');
}

export type ParsedGradeScaleForm = { ok: true; input: GradeScaleInput } | { ok: false; errors: FieldError[] };

export function parseGradeScaleForm(values: GradeScaleFormValues, currentYear: number): ParsedGradeScaleForm {
  // No year sent (an older form, a script): the current 年度, as the select defaults to.
  const fromYear = values.fromYear === '' ? currentYear : Number(values.fromYear);
  if (!/^(\d{4})?$/.test(values.fromYear) || !fromYearChoices(currentYear).includes(fromYear)) {
    return {
      ok: false,
      errors: [{ field: fieldId.fromYear, message: '適用を始める年度を選んでください。' }],
    };
  }
  const preset = PRESET_KEYS.find((k) => k === values.preset);
  if (preset) return { ok: true, input: { preset, fromYear } };
  if (values.preset !== 'custom') {
    return { ok: false, errors: [{ field: fieldOf(['preset']), message: '評価区分を選んでください。' }] };
  }
  const parsed = customSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: { preset: 'custom', ...parsed.data, fromYear } };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message })),
  };
}
