import { urls } from '../../views/view-models.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Layout } from '../components/layout.tsx';
import type { PoliciesView, PolicyNodeView } from './policies.presenter.ts';

/** Goals of one year grouped by the comprehensive plan's policies, with their grades in words. */
export function PoliciesPage({ view }: { view: PoliciesView }) {
  const { municipality, year } = view;
  const title = `${year}年度 総合計画の施策別 重点目標`;
  const top = Math.min(...view.nodes.map((n) => n.depth));
  return (
    <Layout title={title} municipalityName={municipality.name}>
      <div class="page">
        <Breadcrumbs
          items={[
            { label: 'トップ', href: urls.home() },
            { label: municipality.name, href: urls.municipality(municipality.code) },
            { label: title },
          ]}
        />
        <h1 class="page-title">{title}</h1>
        {view.nodes.length === 0 ? <p>総合計画の施策が登録されていません。</p> : null}
        {view.nodes.map((node) => (
          <Node node={node} top={node.depth === top} code={municipality.code} year={year} />
        ))}
      </div>
    </Layout>
  );
}

function Node({ node, top, code, year }: { node: PolicyNodeView; top: boolean; code: string; year: number }) {
  const heading = `${node.code} ${node.name}`;
  return (
    <section class="policy-node">
      {top ? <h2>{heading}</h2> : <h3>{heading}</h3>}
      {node.goals.length === 0 ? null : (
        <ul>
          {node.goals.map((g) => (
            <li>
              <a href={urls.ichiranhyo(code, g.departmentId, year)}>{g.departmentName}</a> 重点目標{g.no}:{' '}
              {g.title}
              {g.grade ? `（評価: ${g.grade}）` : '（評価: 未公表）'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
