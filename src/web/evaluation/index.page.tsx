import { Layout } from '../components/layout.tsx';
import { evaluationUrls } from './evaluation.urls.ts';

export interface EvaluationIndexView {
  departments: Array<{ id: number; name: string }>;
  years: number[];
}

/** Where an editor picks the department and year whose achievements to check. */
export function EvaluationIndexPage({ view }: { view: EvaluationIndexView }) {
  return (
    <Layout title="実績の確認" stylesheets={['/assets/staff.css', evaluationUrls.stylesheet()]}>
      <div class="page eval">
        <h1 class="page-title">実績の確認</h1>
        <p>部局と年度を選ぶと、その年度の目標と達成状況（翌年度の一覧表）の対応を確認できます。</p>
        {view.departments.length === 0 ? <p>確認できる部局がありません。</p> : null}
        <ul>
          {view.departments.map((d) => (
            <li>
              {d.name}:{' '}
              {view.years.map((y) => (
                <>
                  <a href={evaluationUrls.page(d.id, y)}>{y}年度</a>{' '}
                </>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
