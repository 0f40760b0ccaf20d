import { averageText } from '../../domain/evaluation/index.ts';
import { urls } from '../../views/view-models.ts';
import { gradeDistributionSvg } from '../charts/index.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Layout } from '../components/layout.tsx';
import { type DepartmentDashboardView, dashboardUrls, type GoalBlock } from './dashboard.view.ts';
import { describeBars } from './grades.ts';
import { ChartFigure, CountTable, DashboardYears, fiscalYearLabel, formatRate } from './parts.tsx';
import { TargetTable } from './target-table.tsx';
import { TrendSection } from './trend-section.tsx';

export function DepartmentDashboardPage({ view }: { view: DepartmentDashboardView }) {
  const { municipality: m, department: d, year } = view;
  const title = `${d.name} ${fiscalYearLabel(year)} 重点目標の達成状況`;
  return (
    <Layout title={title} municipalityName={m.name} stylesheets={[dashboardUrls.stylesheet()]}>
      <div class="page dash">
        <Breadcrumbs
          items={[
            { label: 'トップ', href: urls.home() },
            { label: m.name, href: urls.municipality(m.code) },
            { label: `${fiscalYearLabel(year)} 全庁の達成状況`, href: dashboardUrls.city(m.code, year) },
            { label: d.name },
          ]}
        />
        <h1 class="page-title">{title}</h1>
        <DashboardYears
          current={year}
          years={view.years}
          href={(y) => dashboardUrls.department(m.code, d.id, y)}
        />
        {view.publication === 'plan' ? (
          <p class="dash-note">
            この年度の実績はまだ公開されていないため、達成状況は表示できません。目標は
            <a href={urls.ichiranhyo(m.code, d.id, year)}>{fiscalYearLabel(year)}の重点目標一覧表</a>
            でご覧いただけます。
          </p>
        ) : (
          <Evaluation view={view} />
        )}
      </div>
    </Layout>
  );
}

function Evaluation({ view }: { view: DepartmentDashboardView }) {
  const summary = `${view.department.name} ${fiscalYearLabel(view.year)} 重点目標の評価の内訳: ${describeBars(view.goalGrades)}`;
  return (
    <>
      <section aria-labelledby="dash-grades">
        <h2 id="dash-grades">評価の内訳</h2>
        <p class="dash-headline">{averageText(view.average)}。</p>
        <ChartFigure
          svg={gradeDistributionSvg(view.goalGrades, summary, 560, 240)}
          caption="重点目標の評価ごとの件数"
          table={<CountTable bars={view.goalGrades} caption="重点目標の評価ごとの件数" />}
        />
      </section>
      <section aria-labelledby="dash-goals">
        <h2 id="dash-goals">重点目標ごとの達成状況</h2>
        {view.goals.map((g) => (
          <GoalSection goal={g} />
        ))}
      </section>
      <TrendSection trends={view.trends} />
    </>
  );
}

/**
 * The goal's grade and where it comes from. With numeric targets the computed grade and the
 * department's own rating stand side by side, a disagreement marked in words (not colour alone).
 */
function GoalGrade({ goal }: { goal: GoalBlock }) {
  const self = goal.selfGrade ?? '未記入';
  return (
    <div class="dash-goal__grade">
      {goal.gradeSource === 'self' ? (
        <p>
          評価: <strong>{goal.grade}</strong>（部局の自己評価）
        </p>
      ) : (
        <dl class="dash-grade-pair">
          <div>
            <dt>数値目標からの評価</dt>
            <dd>
              <strong>{goal.computedGrade ?? '未評価'}</strong>（達成率 {formatRate(goal.rate)}）
            </dd>
          </div>
          <div>
            <dt>部局の自己評価</dt>
            <dd>
              <strong>{self}</strong>
              {goal.disagrees ? <span class="dash-disagree">※ 数値目標からの評価と異なります</span> : null}
            </dd>
          </div>
        </dl>
      )}
      {goal.reason ? <p class="dash-goal__reason">理由: {goal.reason}</p> : null}
    </div>
  );
}

function GoalSection({ goal }: { goal: GoalBlock }) {
  const id = `dash-goal-${goal.no}`;
  return (
    <section class="dash-goal" aria-labelledby={id}>
      <h3 id={id} class="dash-goal__title">
        {goal.no}. {goal.title}
      </h3>
      <GoalGrade goal={goal} />
      {goal.targets.length > 0 ? <TargetTable goal={goal} /> : null}
      {goal.qualitativeItems > 0 ? (
        <p class="dash-note">数値目標のない取組 {goal.qualitativeItems}件は、自己評価で評価しています。</p>
      ) : null}
    </section>
  );
}
