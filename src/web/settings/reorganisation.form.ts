import { z } from 'zod';
import type { ReorganisationInput } from '../../domain/organisation/reorganisation.service.ts';
import type { FieldError } from './grade-scale.form.ts';

/** The 組織改編 form: raw values (kept as typed on error), field ids, and zod parsing into the service's input. */
export const MAX_NOTE = 500;
export const KINDS = ['rename', 'merge', 'split'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABEL: Record<Kind, string> = { rename: '名称変更', merge: '統合', split: '分割' };
export const SIDE_LABEL = { from: '改編前の部局', to: '改編後の部局' } as const;
export type Side = keyof typeof SIDE_LABEL;

export interface ReorganisationFormValues {
  kind: string;
  effectiveYear: string;
  from: string[];
  to: string[];
  note: string;
}
export interface DepartmentOption {
  id: number;
  name: string;
}
export type { FieldError };

export const fieldId = {
  kind: (kind: string) => `reorg-kind-${kind}`,
  year: 'reorg-year',
  department: (side: Side, id: number | string) => `reorg-${side}-${id}`,
  /** A checkbox group's errors belong to its first box: the summary links there. */
  group: (side: Side, departments: DepartmentOption[]) => `reorg-${side}-${departments[0]?.id ?? 'none'}`,
  note: 'reorg-note',
};

export const emptyFormValues = (): ReorganisationFormValues => ({
  kind: '',
  effectiveYear: '',
  from: [],
  to: [],
  note: '',
});

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) =>
  (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');

/** Reads `parseBody({ all: true })`: a checked box repeats its name, so from/to may be one value or many. */
export function formValuesOf(body: Record<string, unknown>): ReorganisationFormValues {
  return {
    kind: text(body.kind),
    effectiveYear: text(body.effectiveYear),
    from: texts(body.from),
    to: texts(body.to),
    note: text(body.note),
  };
}

/** How many departments each side of a kind takes (the service's shapes), said in Japanese. */
const SHAPES: Record<Kind, Record<Side, { fits: (n: number) => boolean; says: string }>> = {
  rename: { from: { fits: (n) => n === 1, says: '1つ' }, to: { fits: (n) => n === 1, says: '1つ' } },
  merge: { from: { fits: (n) => n >= 2, says: '2つ以上' }, to: { fits: (n) => n === 1, says: '1つ' } },
  split: { from: { fits: (n) => n === 1, says: '1つ' }, to: { fits: (n) => n >= 2, says: '2つ以上' } },
};

/** "改編前の部局を2つ以上、改編後の部局を1つ": what a kind takes, for hints and messages. */
export const shapeRule = (kind: Kind) =>
  `${SIDE_LABEL.from}を${SHAPES[kind].from.says}、${SIDE_LABEL.to}を${SHAPES[kind].to.says}`;

function formSchema(known: Set<number>) {
  const side = (s: Side) =>
    z
      .array(z.string())
      .transform((v) => [...new Set(v.map(Number))])
      .refine((ids) => ids.length > 0, `${SIDE_LABEL[s]}を選んでください。`)
      .refine(
        (ids) => ids.every((id) => known.has(id)),
        `選んだ${SIDE_LABEL[s]}が見つかりません。ページを再読み込みしてから選び直してください。`,
      );
  return z
    .object({
      kind: z.enum(KINDS, { error: '種別を選んでください。' }),
      effectiveYear: z
        .string()
        .regex(/^\d{4}$/, '実施年度を選んでください。')
        .transform(Number)
        .pipe(z.number().int().min(1989, '実施年度は平成元年度（1989年度）以降を選んでください。').max(2200)),
      from: side('from'),
      to: side('to'),
      note: z
        .string()
        .trim()
        .max(MAX_NOTE, `備考は${MAX_NOTE}文字以内で入力してください。`)
        .transform((n) => (n === '' ? undefined : n)),
    })
    .superRefine((v, ctx) => {
      // Zod may run this beside other issues: judge the shape only from values that parsed.
      for (const s of ['from', 'to'] as const) {
        const shape = SHAPES[v.kind]?.[s];
        if (shape && Array.isArray(v[s]) && !shape.fits(v[s].length))
          ctx.addIssue({
            code: 'custom',
            path: [s],
            message: `${KIND_LABEL[v.kind]}では、${SIDE_LABEL[s]}を${shape.says}選んでください。`,
          });
      }
    });
}

export type ParsedReorganisationForm =
  | { ok: true; input: ReorganisationInput }
  | { ok: false; errors: FieldError[] };

export function parseReorganisationForm(
  values: ReorganisationFormValues,
  departments: DepartmentOption[],
): ParsedReorganisationForm {
  const parsed = formSchema(new Set(departments.map((d) => d.id))).safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldOf = (head: PropertyKey | undefined): string => {
    if (head === 'from' || head === 'to') return fieldId.group(head, departments);
    if (head === 'effectiveYear') return fieldId.year;
    if (head === 'note') return fieldId.note;
    return fieldId.kind(KINDS[0]);
  };
  const errors = parsed.error.issues.map((i) => ({ field: fieldOf(i.path[0]), message: i.message }));
  // One message per field: a later check on the same field only repeats what is wrong.
  return { ok: false, errors: errors.filter((e, k) => errors.findIndex((o) => o.field === e.field) === k) };
}
