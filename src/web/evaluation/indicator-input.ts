import { z } from 'zod';
import type { IndicatorInput } from '../../domain/evaluation/index.ts';
import { AppError } from '../../errors.ts';
import { foldWidth } from '../../quantities/numbers.ts';
import { readText } from './form.ts';

type Body = Record<string, string | File | (string | File)[]>;

/** The indicator form's fields, by their form names: also the `field` a failed save names in the query. */
export const INDICATOR_FIELDS = [
  'kind',
  'name',
  'baselineValue',
  'baselineDate',
  'longTermValue',
  'longTermYear',
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export const INDICATOR_FIELD_LABELS: Record<IndicatorField, string> = {
  kind: '種別',
  name: '指標名',
  baselineValue: '基準値',
  baselineDate: '基準日',
  longTermValue: '長期目標値',
  longTermYear: '目標年度',
};

/** What to fix, per field: the page shows it beside the field after the redirect (the query never carries text). */
export const INDICATOR_FIELD_ERRORS: Record<IndicatorField, string> = {
  kind: '種別（成果指標または活動指標）を選んでください。',
  name: '指標名は200文字以内で入力してください。',
  baselineValue: '基準値は数値で入力してください（例: 1,200）。基準日を入力するときは基準値も必要です。',
  baselineDate: '基準日は日付（例: 2023-04-01）で入力してください。',
  longTermValue:
    '長期目標値は数値で入力してください（例: 2,000）。目標年度を入力するときは長期目標値も必要です。',
  longTermYear: '目標年度は西暦の4桁（1989〜2200、例: 2030）で入力してください。',
};

export function indicatorFieldOf(raw: string | undefined): IndicatorField | undefined {
  return INDICATOR_FIELDS.find((f) => f === raw);
}

/** The service names fields by the input's path (`baseline.date`); the form by its own names. */
export function indicatorFieldOfPath(path: string | undefined): IndicatorField {
  const own = indicatorFieldOf(path);
  if (own) return own;
  const [head, part] = (path ?? '').split('.');
  if (head === 'baseline') return part === 'date' ? 'baselineDate' : 'baselineValue';
  if (head === 'longTerm') return part === 'year' ? 'longTermYear' : 'longTermValue';
  return head === 'name' ? 'name' : 'kind';
}

// Full-width digits and commas (１，２００ → 1200), a minus sign typed as ー or −: what people type.
const folded = (s: string) =>
  foldWidth(s)
    .trim()
    .replace(/^[−ー‐]/, '-');
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const ISO_DATE = z.iso.date();

const numberOf = (s: string) => (NUMBER.test(s) ? Number(s.replaceAll(',', '')) : undefined);

/** 2023-04-01, also 2023/4/1 where a browser offers no date picker. */
function dateOf(s: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : s;
  return ISO_DATE.safeParse(iso).success ? iso : undefined;
}

function yearOf(s: string): number | undefined {
  const year = Number(/^(\d{4})(?:年度?)?$/.exec(s)?.[1]);
  return year >= 1989 && year <= 2200 ? year : undefined;
}

/** An optional field: empty means "not set"; anything else must read as a value, or the field is wrong. */
const optional = <T>(field: IndicatorField, read: (s: string) => T | undefined) =>
  z.string().transform((raw, ctx) => {
    const s = folded(raw);
    if (s === '') return undefined;
    const value = read(s);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: INDICATOR_FIELD_ERRORS[field] });
      return z.NEVER;
    }
    return value;
  });

const formSchema = z
  .object({
    kind: z.enum(['outcome', 'activity'], { error: INDICATOR_FIELD_ERRORS.kind }),
    name: z.string().trim().max(200, INDICATOR_FIELD_ERRORS.name),
    baselineValue: optional('baselineValue', numberOf),
    baselineDate: optional('baselineDate', dateOf),
    longTermValue: optional('longTermValue', numberOf),
    longTermYear: optional('longTermYear', yearOf),
  })
  .superRefine((v, ctx) => {
    // A date or a year alone says nothing: each belongs to its value.
    const missing = (field: 'baselineValue' | 'longTermValue') =>
      ctx.addIssue({ code: 'custom', path: [field], message: INDICATOR_FIELD_ERRORS[field] });
    if (v.baselineValue === undefined && v.baselineDate !== undefined) missing('baselineValue');
    if (v.longTermValue === undefined && v.longTermYear !== undefined) missing('longTermValue');
  });

/**
 * The indicator form → the service's input. Empty optional fields mean "not set"; the first wrong
 * field is thrown as INVALID_INPUT naming it (the form's name), like the service does.
 */
export function readIndicatorForm(body: Body): IndicatorInput {
  const raw = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, readText(body, f)]));
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = indicatorFieldOf(String(issue?.path[0] ?? '')) ?? 'kind';
    throw new AppError('INVALID_INPUT', INDICATOR_FIELD_ERRORS[field], { field });
  }
  const v = parsed.data;
  return {
    kind: v.kind,
    name: v.name === '' ? undefined : v.name,
    baseline: v.baselineValue === undefined ? undefined : { value: v.baselineValue, date: v.baselineDate },
    longTerm: v.longTermValue === undefined ? undefined : { value: v.longTermValue, year: v.longTermYear },
  };
}
