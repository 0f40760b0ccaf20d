import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { type IndexView, urls } from '../../views/view-models.ts';
import { yearPairLabel } from '../../views/year-label.ts';
import { Layout } from '../components/layout.tsx';

type MunicipalityEntry = IndexView['municipalities'][number];
type DepartmentEntry = MunicipalityEntry['departments'][number];

export function IndexPage({ view }: { view: IndexView }) {
  const only = view.municipalities.length === 1 ? view.municipalities[0] : undefined;
  return (
    <Layout title="重点目標一覧表" municipalityName={only?.name}>
      <div class="page">
        <h1 class="page-title">重点目標一覧表</h1>
        <p class="lead">
          部局ごとに、その年度の重点目標と、前年度の重点目標の達成状況を並べて掲載しています。年度を選んでください。
        </p>
        {view.municipalities.length === 0 ? (
          <p>公開中の重点目標一覧表はまだありません。</p>
        ) : (
          view.municipalities.map((m) => <MunicipalitySection municipality={m} />)
        )}
      </div>
    </Layout>
  );
}

function MunicipalitySection({ municipality }: { municipality: MunicipalityEntry }) {
  const headingId = `m-${municipality.code}`;
  return (
    <section class="municipality" aria-labelledby={headingId}>
      <h2 id={headingId}>{municipality.name}</h2>
      <MunicipalityLinks municipality={municipality} />
      {municipality.departments.length === 0 ? (
        <p>公開中の部局はまだありません。</p>
      ) : (
        <ul class="department-list">
          {municipality.departments.map((d) => (
            <DepartmentCard code={municipality.code} department={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DepartmentCard({ code, department }: { code: string; department: DepartmentEntry }) {
  const years = [...department.planYears].sort((a, b) => b - a);
  return (
    <li class="department">
      <h3 class="department__name">{department.name}</h3>
      {years.length === 0 ? (
        <p>公開中の年度はありません。</p>
      ) : (
        <ul class="year-links">
          {years.map((y) => (
            <li>
              <a href={urls.ichiranhyo(code, department.id, y)}>{yearPairLabel(y)}</a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function MunicipalityLinks({ municipality }: { municipality: MunicipalityEntry }) {
  const latest = Math.max(0, ...municipality.departments.flatMap((d) => d.planYears));
  if (latest === 0) return null;
  return (
    <ul class="data-links">
      <li>
        <a href={urls.cityDashboard(municipality.code, latest - 1)}>
          {formatFiscalYear(latest - 1)}の達成状況
        </a>
      </li>
      <li>
        <a href={urls.cityPrint(municipality.code, latest)}>
          {formatFiscalYear(latest)}の全部局（印刷・PDF）
        </a>
      </li>
      <li>
        <a href={urls.search()}>キーワードで探す</a>
      </li>
      <li>
        <a href={urls.openData()}>オープンデータ</a>
      </li>
    </ul>
  );
}
