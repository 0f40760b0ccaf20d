import { GRADE_PRESETS, type GradeScale } from '../../domain/evaluation/index.ts';
import { type FieldError, fieldId, type GradeScaleFormValues, PRESET_KEYS } from './grade-scale.form.ts';

/** "100%以上", or for the last band "80%未満": the range a band covers, in words. */
export function bandRange(scale: GradeScale, index: number): string {
  const band = scale.bands[index];
  const above = scale.bands[index - 1];
  if (!band) return '';
  return band.minRate === 0 && above ? `${above.minRate}%未満` : `${band.minRate}%以上`;
}

export function bandsText(scale: GradeScale): string {
  return scale.bands.map((b, i) => `${b.label}（${bandRange(scale, i)}）`).join('・');
}

type Errors = Map<string, string>;

/** The message under a wrong field, which the field names in aria-describedby. */
export function FieldMessage({ id, errors }: { id: string; errors: Errors }) {
  const message = errors.get(id);
  return message ? (
    <p class="form-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

export const invalid = (id: string, errors: Errors, describedBy?: string) => {
  const bad = errors.has(id);
  const ids = [describedBy, bad ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': bad ? 'true' : undefined, 'aria-describedby': ids === '' ? undefined : ids };
};

export function PresetChoices({ values, errors }: { values: GradeScaleFormValues; errors: Errors }) {
  return (
    <fieldset>
      <legend>評価区分を選ぶ</legend>
      {PRESET_KEYS.map((key) => {
        const preset = GRADE_PRESETS[key];
        const id = fieldId.preset(key);
        return (
          <div class="grade-option">
            <span class="choice">
              <input
                type="radio"
                id={id}
                name="preset"
                value={key}
                required
                checked={values.preset === key}
                {...invalid(id, errors, `${id}-bands`)}
              />
              <label for={id}>{preset.name}</label>
            </span>
            <span class="hint" id={`${id}-bands`}>
              {bandsText(preset)}
            </span>
            <FieldMessage id={id} errors={errors} />
          </div>
        );
      })}
      <div class="grade-option">
        <span class="choice">
          <input
            type="radio"
            id={fieldId.preset('custom')}
            name="preset"
            value="custom"
            checked={values.preset === 'custom'}
            aria-describedby="grade-custom-hint"
          />
          <label for={fieldId.preset('custom')}>独自の評価区分</label>
        </span>
        <span class="hint" id="grade-custom-hint">
          下の「独自の評価区分」の欄で名称と段階を設定します。
        </span>
      </div>
    </fieldset>
  );
}

export type { Errors as FieldErrors };
export const errorMap = (errors: FieldError[]): Errors => new Map(errors.map((e) => [e.field, e.message]));
