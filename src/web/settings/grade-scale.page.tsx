import type { GradeScale, RegradeCandidate, ScaleVersion } from '../../domain/evaluation/index.ts';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { GRADE_SCALE_CSS_URL } from './grade-scale.css.ts';
import { CustomBands } from './grade-scale.custom.tsx';
import { errorMap, PresetChoices } from './grade-scale.fields.tsx';
import type { FieldError, GradeScaleFormValues } from './grade-scale.form.ts';
import { FromYearField, RegradeSection, ScaleVersions } from './grade-scale.years.tsx';

export const GRADE_SCALE_URL = '/staff/settings/grade-scale';
const TITLE = '評価区分の設定';

export interface GradeScalePageView {
  scale: GradeScale;
  csrf: string;
  /** Only planning and admin get the form; others see the scale in force. */
  canManage: boolean;
  values: GradeScaleFormValues;
  errors: FieldError[];
  saved: boolean;
  /** The current 年度 (Asia/Tokyo): the scale shown is the one in force for it. */
  currentYear: number;
  versions: ScaleVersion[];
  regrade: RegradeCandidate[];
  regraded?: number;
  regradeError?: string;
}

/** The planning division's page for the municipality's grade scale (評価区分). */
export function GradeScalePage({ view }: { view: GradeScalePageView }) {
  return (
    <Layout title={TITLE} stylesheets={['/assets/staff.css', '/assets/workflow.css', GRADE_SCALE_CSS_URL]}>
      <div class="page workflow grade-scale">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        {view.saved ? (
          <div class="workflow-notice" role="status">
            <p>
              評価区分を保存しました。選んだ年度から後の、まだ公表していない年度の評価は新しい区分で表示されます。
            </p>
          </div>
        ) : null}
        {view.regraded ? (
          <div class="workflow-notice" role="status">
            <p>{formatFiscalYear(view.regraded)}の評価を付け直しました。操作は監査ログに記録されています。</p>
          </div>
        ) : null}
        <CurrentScale scale={view.scale} year={view.currentYear} />
        <ScaleVersions versions={view.versions} />
        <p class="hint" id="grade-scale-note">
          評価区分は年度ごとに適用されます。変更は「適用を始める年度」から後の年度だけに効き、それより前の年度と、公表済みの年度は公表したときの評価区分のままです。公表済みの年度を新しい区分で評価し直すには、下の「公表済みの年度の評価を付け直す」で年度ごとに実行してください。
        </p>
        {view.canManage ? (
          <GradeScaleForm view={view} />
        ) : (
          <p>評価区分を変更できるのは、企画担当と管理者です。</p>
        )}
        <RegradeSection
          candidates={view.regrade}
          csrf={view.csrf}
          canManage={view.canManage}
          error={view.regradeError}
        />
      </div>
    </Layout>
  );
}

function CurrentScale({ scale, year }: { scale: GradeScale; year: number }) {
  return (
    <section aria-labelledby="grade-current-heading">
      <h2 id="grade-current-heading">
        今年度（{formatFiscalYear(year)}）の評価区分: {scale.name}
      </h2>
      <table class="workflow-table" id="grade-current">
        <caption class="visually-hidden">{`現在の評価区分（${scale.name}）の段階`}</caption>
        <thead>
          <tr>
            <th scope="col">評価</th>
            <th scope="col">達成率の下限</th>
          </tr>
        </thead>
        <tbody>
          {scale.bands.map((b, i) => (
            <tr>
              <th scope="row">{b.label}</th>
              <td>
                {i > 0 && b.minRate === 0 ? `0%（${scale.bands[i - 1]?.minRate}%未満）` : `${b.minRate}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function GradeScaleForm({ view }: { view: GradeScalePageView }) {
  const errors = errorMap(view.errors);
  return (
    <section aria-labelledby="grade-form-heading">
      <h2 id="grade-form-heading">評価区分を変更する</h2>
      <form method="post" action={GRADE_SCALE_URL} class="staff-form" aria-describedby="grade-scale-note">
        <CsrfField token={view.csrf} />
        <ErrorSummary
          id="grade-scale-errors"
          heading="保存できませんでした。次の項目を確認してください。"
          errors={view.errors}
        />
        <PresetChoices values={view.values} errors={errors} />
        <CustomBands values={view.values} errors={errors} />
        <FromYearField value={view.values.fromYear} currentYear={view.currentYear} errors={errors} />
        <button type="submit" class="button-primary">
          保存
        </button>
      </form>
    </section>
  );
}
