import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { FormHead } from '../../views/form-head.tsx';
import { IchiranhyoTable } from '../../views/ichiranhyo-table.tsx';
import { type IchiranhyoView, urls } from '../../views/view-models.ts';
import { WarningsNotice } from '../../views/warnings-notice.tsx';
import { yearPairLabel } from '../../views/year-label.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { InterimSection } from '../components/interim-section.tsx';
import { Layout } from '../components/layout.tsx';
import { YearSwitcher } from '../components/year-switcher.tsx';

export function IchiranhyoPage({ view }: { view: IchiranhyoView }) {
  const { municipality, department, document: doc } = view;
  const planYear = doc.plan.fiscalYear;
  const yearLabel = yearPairLabel(planYear);
  return (
    <Layout title={`${doc.department} ${yearLabel} 重点目標一覧表`} municipalityName={municipality.name} wide>
      <div class="page">
        <Breadcrumbs
          items={[
            { label: 'トップ', href: urls.home() },
            { label: municipality.name, href: urls.municipality(municipality.code) },
            { label: `${department.name} ${yearLabel}` },
          ]}
        />
        <FormHead department={doc.department} yearLabel={yearLabel} />
        <div class="page-tools">
          <YearSwitcher
            current={planYear}
            years={view.planYears}
            href={(y) => urls.ichiranhyo(municipality.code, department.id, y)}
          />
          <nav aria-label="この一覧表の別の形式と関連ページ">
            <ul class="data-links">
              <li>
                <a href={urls.ichiranhyoPrint(municipality.code, department.id, planYear)}>印刷用の表示</a>
              </li>
              <li>
                <a href={urls.ichiranhyoFile(municipality.code, department.id, planYear, 'pdf')}>PDF</a>
              </li>
              <li>
                <a href={urls.ichiranhyoFile(municipality.code, department.id, planYear, 'xlsx')}>Excel</a>
              </li>
              <li>
                <a href={view.jsonUrl} type="application/json">
                  データ（JSON形式）
                </a>
              </li>
              <li>
                <a href={urls.openData()}>オープンデータ（CSV）</a>
              </li>
              <li>
                <a href={urls.departmentDashboard(municipality.code, department.id, planYear - 1)}>
                  {formatFiscalYear(planYear - 1)}の達成状況
                </a>
              </li>
              <li>
                <a href={urls.departmentLineage(municipality.code, department.id)}>目標の年度ごとの推移</a>
              </li>
            </ul>
          </nav>
          {view.marks ? (
            <p class="data-link">
              <a href={view.marks.toggleHref}>{view.marks.shown ? '評価を隠す' : '評価を表示'}</a>
            </p>
          ) : null}
        </div>
        <WarningsNotice warnings={doc.warnings} />
        <IchiranhyoTable
          document={doc}
          lineagePairs={view.lineagePairs}
          marks={view.marks?.shown ? view.marks.items : undefined}
        />
        {view.interim ? <InterimSection interim={view.interim} year={planYear} /> : null}
      </div>
    </Layout>
  );
}
