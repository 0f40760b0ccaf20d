import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { IchiranhyoTable } from '../components/ichiranhyo-table.tsx';
import { Layout } from '../components/layout.tsx';
import { WarningsNotice } from '../components/warnings-notice.tsx';
import { yearPairLabel } from '../components/year-label.ts';
import { YearSwitcher } from '../components/year-switcher.tsx';
import { type IchiranhyoView, urls } from '../view-models.ts';

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
        <div class="form-head">
          <h1 class="form-head__title">重点目標一覧表</h1>
          <dl class="form-head__meta">
            <div class="form-head__dept">
              <dt>担当部局名</dt>
              <dd>{doc.department}</dd>
            </div>
            <div>
              <dt>年度</dt>
              <dd>{yearLabel}</dd>
            </div>
          </dl>
        </div>
        <div class="page-tools">
          <YearSwitcher
            current={planYear}
            years={view.planYears}
            href={(y) => urls.ichiranhyo(municipality.code, department.id, y)}
          />
          <p class="data-link">
            <a href={view.jsonUrl} type="application/json">
              この一覧表のデータ（JSON形式）
            </a>
          </p>
          {view.marks ? (
            <p class="data-link">
              <a href={view.marks.toggleHref}>{view.marks.shown ? '評価を隠す' : '評価を表示'}</a>
            </p>
          ) : null}
        </div>
        <WarningsNotice warnings={doc.warnings} />
        <IchiranhyoTable document={doc} marks={view.marks?.shown ? view.marks.items : undefined} />
      </div>
    </Layout>
  );
}
