import type { StoredVariantPair } from '../../search/variants.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary, type FieldError } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';

export const SEARCH_VARIANTS_URL = '/staff/settings/search-variants';
const TITLE = '検索の表記ゆれ';

export interface SearchVariantsView {
  builtinPairs: number;
  pairs: StoredVariantPair[];
  csrf: string;
  canManage: boolean;
  values: { variant: string; canonical: string };
  errors: FieldError[];
  notice?: { kind: 'added' | 'removed'; changed: number };
}

/** The planning division's list of 表記ゆれ pairs the public search treats as one word. */
export function SearchVariantsPage({ view }: { view: SearchVariantsView }) {
  return (
    <Layout title={TITLE} stylesheets={['/assets/staff.css', '/assets/workflow.css']}>
      <div class="page workflow">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        {view.notice ? (
          <div class="workflow-notice" role="status">
            <p>
              {view.notice.kind === 'added' ? '表記ゆれを追加しました。' : '表記ゆれを削除しました。'}
              {`検索の索引 ${view.notice.changed} 件をすでに更新しました。公開検索にはすぐ反映されています。`}
            </p>
          </div>
        ) : null}
        <p>
          {`「寄附」と「寄付」、「ごみ」と「ゴミ」、「取り組み」と「取組」のような書き分けは、標準の辞書（${view.builtinPairs} 組）で同じ語として検索されます。`}
          ここでは、この市の文書に特有の書き分けを追加できます。一覧表の文章そのものは書き換えません。
        </p>
        <PairTable view={view} />
        {view.canManage ? (
          <AddForm view={view} />
        ) : (
          <p>表記ゆれを追加・削除できるのは、企画担当と管理者です。</p>
        )}
      </div>
    </Layout>
  );
}

function PairTable({ view }: { view: SearchVariantsView }) {
  if (view.pairs.length === 0) {
    return <p id="variant-list">この市で追加した表記ゆれは、まだありません。</p>;
  }
  return (
    <section aria-labelledby="variant-list-heading">
      <h2 id="variant-list-heading">この市で追加した表記ゆれ</h2>
      <table class="workflow-table" id="variant-list">
        <thead>
          <tr>
            <th scope="col">表記</th>
            <th scope="col">同じ語として検索する表記</th>
            <th scope="col">追加日</th>
            {view.canManage ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {view.pairs.map((p) => (
            <tr>
              <th scope="row">{p.variant}</th>
              <td>{p.canonical}</td>
              <td>{p.createdAt.slice(0, 10)}</td>
              {view.canManage ? (
                <td>
                  <form method="post" action={`${SEARCH_VARIANTS_URL}/${p.id}/delete`}>
                    <CsrfField token={view.csrf} />
                    <button type="submit" aria-label={`「${p.variant}」と「${p.canonical}」の組を削除`}>
                      削除
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AddForm({ view }: { view: SearchVariantsView }) {
  const errorOf = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const field = (name: 'variant' | 'canonical', label: string, hint: string) => {
    const id = `variant-${name}`;
    const error = errorOf(id);
    return (
      <div>
        <p>
          <label for={id}>{label}</label>
        </p>
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        {error ? (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <p>
          <input
            id={id}
            name={name}
            type="text"
            required
            maxlength={40}
            value={view.values[name]}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? 'true' : undefined}
          />
        </p>
      </div>
    );
  };
  return (
    <section aria-labelledby="variant-add-heading">
      <h2 id="variant-add-heading">表記ゆれを追加する</h2>
      <ErrorSummary
        id="variant-errors"
        heading="追加できませんでした。次の点を直してください。"
        errors={view.errors}
      />
      <form method="post" action={SEARCH_VARIANTS_URL}>
        <CsrfField token={view.csrf} />
        {field('variant', '表記', '例：ダストボックス（2文字以上、空白なし）')}
        {field('canonical', '同じ語として検索する表記', '例：ごみ箱')}
        <p>
          <button type="submit">追加する</button>
        </p>
      </form>
    </section>
  );
}
