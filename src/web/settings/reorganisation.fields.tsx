import type { Child } from 'hono/jsx';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { type FieldErrors, FieldMessage, invalid } from './grade-scale.fields.tsx';
import {
  type DepartmentOption,
  fieldId,
  KIND_LABEL,
  KINDS,
  MAX_NOTE,
  type ReorganisationFormValues,
  SIDE_LABEL,
  type Side,
  shapeRule,
} from './reorganisation.form.ts';

/** "令和6年度（2024年度）": a fiscal year in 和暦 and 西暦. */
export const yearLabel = (year: number) => `${formatFiscalYear(year)}（${year}年度）`;

/** A fieldset whose error (keyed by its first input) is read out with the legend and shown first. */
function Group(props: { id: string; legend: string; hint?: string; errors: FieldErrors; children: Child }) {
  const bad = props.errors.has(props.id);
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const describedBy = [hintId, bad ? `${props.id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <fieldset
      class={bad ? 'reorg-group is-invalid' : 'reorg-group'}
      aria-describedby={describedBy || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldMessage id={props.id} errors={props.errors} />
      {props.children}
    </fieldset>
  );
}

export function KindChoices({ values, errors }: { values: ReorganisationFormValues; errors: FieldErrors }) {
  return (
    <Group id={fieldId.kind(KINDS[0])} legend="種別" errors={errors}>
      <div class="reorg-choices reorg-choices--kinds">
        {KINDS.map((kind) => (
          <div class="reorg-kind">
            <span class="choice">
              <input
                type="radio"
                id={fieldId.kind(kind)}
                name="kind"
                value={kind}
                checked={values.kind === kind}
                aria-describedby={`${fieldId.kind(kind)}-hint`}
              />
              <label for={fieldId.kind(kind)}>{KIND_LABEL[kind]}</label>
            </span>
            <span class="hint" id={`${fieldId.kind(kind)}-hint`}>{`${shapeRule(kind)}選びます。`}</span>
          </div>
        ))}
      </div>
    </Group>
  );
}

export function YearSelect(props: {
  values: ReorganisationFormValues;
  years: number[];
  errors: FieldErrors;
}) {
  const id = fieldId.year;
  return (
    <div class="field">
      <label for={id}>実施年度</label>
      <span class="hint" id={`${id}-hint`}>
        新しい組織で始まる最初の年度を選びます。
      </span>
      <select id={id} name="effectiveYear" {...invalid(id, props.errors, `${id}-hint`)}>
        <option value="">選択してください</option>
        {props.years.map((year) => (
          <option value={String(year)} selected={props.values.effectiveYear === String(year)}>
            {yearLabel(year)}
          </option>
        ))}
      </select>
      <FieldMessage id={id} errors={props.errors} />
    </div>
  );
}

export function DepartmentChoices(props: {
  side: Side;
  values: ReorganisationFormValues;
  departments: DepartmentOption[];
  errors: FieldErrors;
}) {
  const { side, departments } = props;
  const hint =
    side === 'to'
      ? '改編した後の部局を選びます。一覧に無い部局は、その部局の一覧表を取り込むと選べるようになります。'
      : '改編する前の部局を選びます。';
  return (
    <Group id={fieldId.group(side, departments)} legend={SIDE_LABEL[side]} hint={hint} errors={props.errors}>
      <ul class="reorg-choices">
        {departments.map((d) => (
          <li class="choice">
            <input
              type="checkbox"
              id={fieldId.department(side, d.id)}
              name={side}
              value={String(d.id)}
              checked={props.values[side].includes(String(d.id))}
            />
            <label for={fieldId.department(side, d.id)}>{d.name}</label>
          </li>
        ))}
      </ul>
    </Group>
  );
}

export function NoteField({ values, errors }: { values: ReorganisationFormValues; errors: FieldErrors }) {
  const id = fieldId.note;
  return (
    <div class="field">
      <label for={id}>備考（任意）</label>
      <span class="hint" id={`${id}-hint`}>
        {`改編の理由や根拠（条例・規則など）を${MAX_NOTE}文字以内で記録できます。`}
      </span>
      <textarea id={id} name="note" rows={3} maxlength={MAX_NOTE} {...invalid(id, errors, `${id}-hint`)}>
        {values.note}
      </textarea>
      <FieldMessage id={id} errors={errors} />
    </div>
  );
}
