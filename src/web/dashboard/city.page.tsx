import { averageText } from '../../domain/evaluation/index.ts';
import { urls } from '../../views/view-models.ts';
import { gradeDistributionSvg } from '../charts/index.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Layout } from '../components/layout.tsx';
import { type CityDashboardView, type DepartmentSummary, dashboardUrls } from './dashboard.view.ts';
import { describeBars } from './grades.ts';
import { ChartFigure, CountTable, DashboardYears, fiscalYearLabel, formatRate } from './parts.tsx';

export function CityDashboardPage({ view }: { view: CityDashboardView }) {
  const { municipality: m, year } = view;
  const title = `${fiscalYearLabel(year)} 重点目標の達成状況`;
  const summary = `${m.name} ${fiscalYearLabel(year)} 重点目標の評価の内訳（目標数）: ${describeBars(view.goalGrades)}`;
  return (
    <Layout title={title} municipalityName={m.name} stylesheets={[dashboardUrls.stylesheet()]}>
      <div class="page dash">
        <Breadcrumbs
          items={[
            { label: 'トップ', href: urls.home() },
            { label: m.name, href: urls.municipality(m.code) },
            { label: title },
          ]}
        />
        <h1 class="page-title">{title}</h1>
        <p class="lead">
          {fiscalYearLabel(year)}
          に掲げた重点目標を、その年度の実績と比べて評価しています。目標と実績の両方を公開している部局を集計しています。
        </p>
        <DashboardYears current={year} years={view.years} href={(y) => dashboardUrls.city(m.code, y)} />
        <section aria-labelledby="dash-grades">
          <h2 id="dash-grades">評価の内訳</h2>
          <p class="dash-headline">
            重点目標 {view.total.goals}件、数値目標 {view.total.targets}件。{averageText(view.total)}。
          </p>
          <p>平均達成率は、実績の報告がある数値目標だけで計算しています（1件あたり120%まで）。</p>
          <ChartFigure
            svg={gradeDistributionSvg(view.goalGrades, summary)}
            caption="重点目標の評価ごとの件数（全部局）"
            table={<CountTable bars={view.goalGrades} caption="重点目標の評価ごとの件数" />}
          />
        </section>
        <section aria-labelledby="dash-departments">
          <h2 id="dash-departments">部局別の状況</h2>
          <DepartmentTable view={view} />
          {view.pending.length > 0 ? (
            <p class="dash-note">
              実績が未公開のため集計に含めていない部局（未公表）: {view.pending.map((d) => d.name).join('、')}
              。目標は各部局の重点目標一覧表でご覧いただけます。
            </p>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}

function DepartmentTable({ view }: { view: CityDashboardView }) {
  return (
    <section class="dash-scroll" aria-label="部局別の状況（横にスクロールできます）" tabindex={0}>
      <table class="dash-table dash-table--wide">
        <caption>部局ごとの目標数と数値目標の達成状況（件）</caption>
        <thead>
          <tr>
            <th scope="col">部局</th>
            <th scope="col">重点目標</th>
            <th scope="col">数値目標</th>
            <th scope="col">達成</th>
            <th scope="col">概ね達成</th>
            <th scope="col">未達成</th>
            <th scope="col">未報告</th>
            <th scope="col">平均達成率</th>
          </tr>
        </thead>
        <tbody>
          {view.departments.map((d) => (
            <tr class="dash-department">
              <th scope="row">
                <a href={dashboardUrls.department(view.municipality.code, d.id, view.year)}>{d.name}</a>
              </th>
              <Counts row={d} />
            </tr>
          ))}
          {view.pending.map((d) => (
            <tr class="dash-department dash-department--unpublished">
              <th scope="row">{d.name}</th>
              <td colspan={7}>未公表（この年度の実績はまだ公開されていません）</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合計</th>
            <Counts row={view.total} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function Counts({ row }: { row: Omit<DepartmentSummary, 'id' | 'name'> }) {
  return (
    <>
      <td class="num">{row.goals}</td>
      <td class="num">{row.targets}</td>
      <td class="num">{row.achieved}</td>
      <td class="num">{row.partly}</td>
      <td class="num">{row.not}</td>
      <td class="num">{row.unreported}</td>
      <td class="num">
        {formatRate(row.rate)}
        <span class="dash-rate__basis">（報告済み {row.reported} 件）</span>
      </td>
    </>
  );
}
