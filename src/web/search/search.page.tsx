import { searchUrls } from '../../views/search.urls.ts';
import { urls } from '../../views/view-models.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Layout } from '../components/layout.tsx';
import type { SearchPageView } from './search.presenter.ts';
import { SearchForm } from './search-form.tsx';
import { SearchResults } from './search-results.tsx';

export function SearchPage({ view }: { view: SearchPageView }) {
  const q = view.query.q.trim();
  const page = view.query.page ?? 1;
  const title = q ? `「${q}」の検索結果${page > 1 ? `（${page}ページ目）` : ''}` : '重点目標の検索';
  return (
    <Layout
      title={title}
      municipalityName={view.municipalityName}
      stylesheets={[searchUrls.stylesheet()]}
      headerSearch={false}
    >
      <div class="page">
        <Breadcrumbs items={[{ label: 'トップ', href: urls.home() }, { label: '検索' }]} />
        <h1 class="page-title">重点目標の検索</h1>
        <p class="lead">すべての年度・部局の重点目標、取組項目、数値目標、達成状況から探せます。</p>
        <SearchForm view={view} />
        {view.result ? <SearchResults result={view.result} q={q} /> : null}
      </div>
    </Layout>
  );
}
