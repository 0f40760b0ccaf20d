import type { TargetEvaluation } from '../../domain/evaluation/index.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { evaluationUrls } from './evaluation.urls.ts';
import { INDICATOR_FIELD_ERRORS, INDICATOR_FIELD_LABELS, type IndicatorField } from './indicator-input.ts';
import { indicatorFieldId } from './indicator-summary.tsx';

interface Props {
  departmentId: number;
  year: number;
  target: TargetEvaluation;
  csrf: string;
  /** The field a failed save named, when it was this target's form. */
  invalid?: IndicatorField;
}

/** Marks the target as 成果指標 or 活動指標 (no JavaScript: a disclosure with two plain forms). */
export function IndicatorForm({ departmentId, year, target, csrf, invalid }: Props) {
  const id = target.target.id;
  const current = target.indicator;
  const unit = target.target.unit;
  const fid = (field: IndicatorField) => indicatorFieldId(id, field);
  // The wrong field says so, and names its message.
  const described = (field: IndicatorField) =>
    invalid === field
      ? { 'aria-invalid': 'true', 'aria-describedby': `${fid(field)}-error` }
      : { 'aria-invalid': undefined, 'aria-describedby': undefined };
  const error = (field: IndicatorField) =>
    invalid === field ? (
      <p class="form-error eval-field-error" id={`${fid(field)}-error`}>
        {INDICATOR_FIELD_ERRORS[field]}
      </p>
    ) : null;
  const text = (field: IndicatorField, label: string, value: string, extra: Record<string, string>) => (
    <div class="field">
      <label for={fid(field)}>{label}</label>
      <input type="text" id={fid(field)} name={field} value={value} {...extra} {...described(field)} />
      {error(field)}
    </div>
  );
  const kinds = [
    { value: 'outcome', label: '成果指標', radio: `indicator-${id}-kind-outcome` },
    { value: 'activity', label: '活動指標', radio: `indicator-${id}-kind-activity` },
  ];
  return (
    <details class="eval-indicator-form" open={invalid !== undefined}>
      <summary>{current ? '指標の設定を変更・解除' : '指標として設定'}</summary>
      <form method="post" action={evaluationUrls.indicator(departmentId, year, id)} class="eval-form">
        <CsrfField token={csrf} />
        <p class="eval-hint">種別のほかは任意です。数値は全角やカンマ区切りでも入力できます。</p>
        <fieldset>
          <legend>{INDICATOR_FIELD_LABELS.kind}</legend>
          {kinds.map((k) => (
            <span class="choice">
              <input
                type="radio"
                id={k.radio}
                name="kind"
                value={k.value}
                required
                checked={(current?.kind ?? 'outcome') === k.value}
                {...described('kind')}
              />
              <label for={k.radio}>{k.label}</label>
            </span>
          ))}
          {error('kind')}
        </fieldset>
        {text('name', INDICATOR_FIELD_LABELS.name, current?.name ?? '', {
          maxlength: '200',
          autocomplete: 'off',
          // The name read from the target, shown until an editor confirms or replaces it.
          ...(target.nameSource === 'derived' && target.name ? { placeholder: target.name } : {}),
        })}
        <p class="eval-hint">
          {target.nameSource === 'derived' && target.name
            ? `空欄のままなら「${target.name}」を公開ページに表示します。入力した指標名はどのページでも優先されます。`
            : '入力した指標名は公開ページ、推移グラフ、評価の出力のすべてで使われます。空欄なら項目の文を表示します。'}
        </p>
        <div class="eval-indicator-pair">
          {text('baselineValue', `基準値（${unit}）`, valueText(current?.baseline?.value), {
            inputmode: 'decimal',
            autocomplete: 'off',
          })}
          <div class="field">
            <label for={fid('baselineDate')}>基準日</label>
            <input
              type="date"
              id={fid('baselineDate')}
              name="baselineDate"
              value={current?.baseline?.date ?? ''}
              {...described('baselineDate')}
            />
            {error('baselineDate')}
          </div>
        </div>
        <div class="eval-indicator-pair">
          {text('longTermValue', `長期目標値（${unit}）`, valueText(current?.longTerm?.value), {
            inputmode: 'decimal',
            autocomplete: 'off',
          })}
          {text('longTermYear', '目標年度（西暦）', String(current?.longTerm?.year ?? ''), {
            inputmode: 'numeric',
            autocomplete: 'off',
            maxlength: '6',
          })}
        </div>
        <div class="eval-buttons">
          <button type="submit" class="button-primary">
            指標を保存
          </button>
        </div>
      </form>
      {current ? (
        <form method="post" action={evaluationUrls.indicatorRemove(departmentId, year, id)} class="eval-form">
          <CsrfField token={csrf} />
          <div class="eval-buttons">
            <button type="submit" class="button-secondary">
              指標の設定を解除
            </button>
          </div>
        </form>
      ) : null}
    </details>
  );
}

/** Plain digits the form reads back (never `1e-7`). */
const valueText = (value: number | undefined) =>
  value === undefined ? '' : value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
