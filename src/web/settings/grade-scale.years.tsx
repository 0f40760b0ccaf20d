import type { RegradeCandidate, ScaleVersion } from '../../domain/evaluation/index.ts';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { bandsText, type FieldErrors, FieldMessage, invalid } from './grade-scale.fields.tsx';
import { fieldId, fromYearChoices } from './grade-scale.form.ts';

export const REGRADE_URL = '/staff/settings/grade-scale/regrade';

const yearName = (year: number) => `${formatFiscalYear(year)}（${year}年度）`;

/** The select of the first year a new scale grades; the current 年度 preselected. */
export function FromYearField(props: { value: string; currentYear: number; errors: FieldErrors }) {
  const id = fieldId.fromYear;
  return (
    <div class="field">
      <label for={id}>適用を始める年度</label>
      <p class="hint" id={`${id}-hint`}>
        選んだ年度から後の年度の評価に使います。それより前の年度と、公表済みの年度の評価は変わりません。
      </p>
      <FieldMessage id={id} errors={props.errors} />
      <select id={id} name="fromYear" {...invalid(id, props.errors, `${id}-hint`)}>
        {fromYearChoices(props.currentYear).map((y) => (
          <option value={String(y)} selected={props.value === String(y)}>
            {yearName(y)}
            {y === props.currentYear ? '・今年度' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Which scale grades which years: one row per version, from its first year. */
export function ScaleVersions({ versions }: { versions: ScaleVersion[] }) {
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="grade-versions-heading">
      <h2 id="grade-versions-heading">年度ごとの評価区分</h2>
      <table class="workflow-table" id="grade-versions">
        <thead>
          <tr>
            <th scope="col">適用する年度</th>
            <th scope="col">評価区分</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => {
            const next = versions[i + 1];
            const from = v.fromYear === 0 ? '当初から' : `${yearName(v.fromYear)}から`;
            const until = next ? `${formatFiscalYear(next.fromYear - 1)}まで` : '';
            return (
              <tr>
                <th scope="row">{`${from}${until}`}</th>
                <td>
                  {v.scale.name}: {bandsText(v.scale)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Published years keep the scale they were published with. Grading one of them with the scale now in
 * force for it is a separate act, each with its own confirmation box (no script needed).
 */
export function RegradeSection(props: {
  candidates: RegradeCandidate[];
  csrf: string;
  canManage: boolean;
  error?: string;
}) {
  if (props.candidates.length === 0) return null;
  return (
    <section aria-labelledby="grade-regrade-heading" id="grade-regrade">
      <h2 id="grade-regrade-heading">公表済みの年度の評価を付け直す</h2>
      <p>
        公表済みの年度は、公表したときの評価区分で評価を表示し続けます。次の年度には、その後に設定した別の評価区分が適用される設定になっています。付け直すと、その年度の公開ページ・ダッシュボード・検索の評価がすべて新しい区分で表示され、操作は監査ログに記録されます。公表した内容と評価が食い違うことになるため、住民への説明が必要か確認してから実行してください。
      </p>
      {props.error ? (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.candidates.map((c) => {
        const id = `grade-regrade-${c.fiscalYear}`;
        const facts = (
          <>
            <h3>{yearName(c.fiscalYear)}</h3>
            <p>
              公表時の評価区分: {c.kept.name}（{bandsText(c.kept)}）
              <br />
              付け直し後の評価区分: {c.inForce.name}（{bandsText(c.inForce)}）
            </p>
          </>
        );
        // Only planning and admin may re-grade; everyone else reads what would change.
        if (!props.canManage) return <div class="grade-regrade">{facts}</div>;
        return (
          <form method="post" action={REGRADE_URL} class="staff-form grade-regrade">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="fiscalYear" value={String(c.fiscalYear)} />
            {facts}
            <span class="choice">
              <input type="checkbox" id={id} name="confirm" value="1" required />
              <label for={id}>
                {formatFiscalYear(c.fiscalYear)}の評価を「{c.inForce.name}」で付け直すことを確認しました
              </label>
            </span>
            <button type="submit" class="button-primary">
              {formatFiscalYear(c.fiscalYear)}の評価を付け直す
            </button>
          </form>
        );
      })}
    </section>
  );
}
