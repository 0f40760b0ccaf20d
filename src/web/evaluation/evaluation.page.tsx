import type { DepartmentEvaluation, GoalEvaluation } from '../../domain/evaluation/index.ts';
import { FAILURE, FLASH, formatRate, TARGET_STATUS_LABELS } from '../../views/evaluation-labels.ts';
import { Layout } from '../components/layout.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { evaluationUrls, itemAnchor } from './evaluation.urls.ts';
import type { IndicatorField } from './indicator-input.ts';
import { IndicatorFailure } from './indicator-summary.tsx';
import { TargetRow } from './target-form.tsx';

export interface EvaluationPageView {
  evaluation: DepartmentEvaluation;
  csrf: string;
  /** A key of FLASH / FAILURE from the query after a redirect. */
  saved?: string;
  failed?: string;
  /** After a failed indicator save: the target and the field to fix. */
  invalid?: { targetId: number; field: IndicatorField };
}

/** The staff page on which a department confirms or corrects how its targets pair with its actuals. */
export function EvaluationPage({ view }: { view: EvaluationPageView }) {
  const { evaluation: e } = view;
  const title = `実績の確認: ${e.department.name} ${e.fiscalYear}年度`;
  const saved = view.saved ? FLASH[view.saved] : undefined;
  const failed = view.failed ? FAILURE[view.failed] : undefined;
  return (
    <Layout title={title} stylesheets={['/assets/staff.css', evaluationUrls.stylesheet()]} wide>
      <div class="page eval">
        <p>
          <a href={evaluationUrls.index()}>実績の確認（一覧）</a>
        </p>
        <h1 class="page-title">{title}</h1>
        {saved ? (
          <p class="eval-flash" role="status">
            {saved}
          </p>
        ) : null}
        {failed ? (
          <p class="form-error" role="alert">
            {failed}
            {view.invalid ? <IndicatorFailure {...view.invalid} /> : null}
          </p>
        ) : null}
        {e.reviewAvailable ? null : (
          <p class="eval-note">この年度の達成状況（翌年度の一覧表）はまだ登録されていません。</p>
        )}
        <p class="eval-hint">
          目標ごとに、自動で対応づけた実績を確認してください。誤っている場合は実績を選び直すか、却下してください。
          評価区分: {e.scale.bands.map((b) => b.label).join('・')}
        </p>
        {e.goals.map((g) => (
          <Goal goal={g} view={view} />
        ))}
      </div>
    </Layout>
  );
}

function Goal({ goal, view }: { goal: GoalEvaluation; view: EvaluationPageView }) {
  const { evaluation: e, csrf } = view;
  return (
    <section class="eval-goal">
      <h2>
        {goal.no}. {goal.title}
      </h2>
      <p>
        目標の評価: {goal.grade ?? '未評価'}
        {goal.gradeSource === 'self' ? '（期末報告の部局の自己評価）' : `（達成率 ${formatRate(goal.rate)}）`}
      </p>
      {goal.gradeSource === 'computed' && goal.selfAssessment ? (
        <p>
          期末報告の部局の自己評価: {goal.selfAssessment.grade}
          {goal.disagrees ? '（数値目標からの評価と異なります。期末報告で理由を記入してください）' : ''}
        </p>
      ) : null}
      {goal.items.map((item) => (
        <div class="eval-item" id={itemAnchor(item.id)}>
          <h3>
            {`(${item.no})`} {item.text}
          </h3>
          <p class="eval-hint">
            取組の評価:{' '}
            {item.grade ?? (item.status === 'qualitative' ? '未評価' : TARGET_STATUS_LABELS.unreported)}
            {item.reviewItem?.achievement ? ` ／ 実績の記述: ${item.reviewItem.achievement}` : ''}
          </p>
          {item.kind === 'qualitative' ? (
            <AssessmentForm
              departmentId={e.department.id}
              year={e.fiscalYear}
              item={item}
              scale={e.scale}
              csrf={csrf}
            />
          ) : (
            <div class="eval-scroll">
              <table class="eval-table">
                <caption class="visually-hidden">{`${item.text}の数値目標と実績`}</caption>
                <thead>
                  <tr>
                    <th scope="col">目標</th>
                    <th scope="col">実績</th>
                    <th scope="col">達成率</th>
                    <th scope="col">状況</th>
                    <th scope="col">対応</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {item.targets.map((t) => (
                    <TargetRow
                      departmentId={e.department.id}
                      year={e.fiscalYear}
                      item={item}
                      target={t}
                      csrf={csrf}
                      invalidField={view.invalid?.targetId === t.target.id ? view.invalid.field : undefined}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
