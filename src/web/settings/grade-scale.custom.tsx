import { type FieldErrors, FieldMessage, invalid } from './grade-scale.fields.tsx';
import { fieldId, type GradeScaleFormValues, MAX_BANDS, MAX_LABEL, MAX_NAME } from './grade-scale.form.ts';

/** The custom scale: a name and up to ten rows of (label, lower bound in %), highest first. */
export function CustomBands({ values, errors }: { values: GradeScaleFormValues; errors: FieldErrors }) {
  return (
    <fieldset>
      <legend>独自の評価区分（「独自の評価区分」を選んだときに使います）</legend>
      <div class="field">
        <label for={fieldId.name}>名称</label>
        <input
          type="text"
          id={fieldId.name}
          name="name"
          maxlength={MAX_NAME}
          value={values.name}
          {...invalid(fieldId.name, errors)}
        />
        <FieldMessage id={fieldId.name} errors={errors} />
      </div>
      <p class="hint" id="grade-bands-hint">
        高い評価から順に、{MAX_BANDS}
        段階まで入力します。達成率の下限は上の段階より小さくし、最後の段階は0%にしてください。空欄の行は使いません。
      </p>
      <table class="workflow-table grade-bands" aria-describedby="grade-bands-hint">
        <caption class="visually-hidden">独自の評価区分の段階</caption>
        <thead>
          <tr>
            <th scope="col">段階</th>
            <th scope="col">評価</th>
            <th scope="col" class="grade-rate">
              達成率の下限（%）
            </th>
          </tr>
        </thead>
        <tbody>
          {values.rows.map((row, i) => (
            <tr>
              <th scope="row">{i + 1}</th>
              <td>
                <label for={fieldId.label(i)} class="visually-hidden">{`段階${i + 1}の評価`}</label>
                <input
                  type="text"
                  id={fieldId.label(i)}
                  name={`label-${i}`}
                  size={12}
                  maxlength={MAX_LABEL}
                  value={row.label}
                  {...invalid(fieldId.label(i), errors)}
                />
                <FieldMessage id={fieldId.label(i)} errors={errors} />
              </td>
              <td>
                <label
                  for={fieldId.minRate(i)}
                  class="visually-hidden"
                >{`段階${i + 1}の達成率の下限（%）`}</label>
                <input
                  type="text"
                  inputmode="decimal"
                  id={fieldId.minRate(i)}
                  name={`minRate-${i}`}
                  size={6}
                  value={row.minRate}
                  {...invalid(fieldId.minRate(i), errors)}
                />
                <FieldMessage id={fieldId.minRate(i)} errors={errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
