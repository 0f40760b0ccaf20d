import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';

export const INTERIM_PUBLICATION_URL = '/staff/settings/interim-publication';
const TITLE = '中間報告の公表';

export interface InterimPublicationView {
  interimPublic: boolean;
  csrf: string;
  /** Only planning and admin get the form; others read the setting. */
  canManage: boolean;
  saved: boolean;
  error?: string;
}

/** Planning's choice: published 中間報告 go public (page and open data), or stay internal. */
export function InterimPublicationPage({ view }: { view: InterimPublicationView }) {
  const now = view.interimPublic
    ? '公表した中間報告を、部局の一覧表のページとオープンデータ（interim.csv）に掲載しています。'
    : '中間報告は庁内でのみ使い、公開ページには「この自治体では中間報告を公表していません」と表示しています。';
  return (
    <Layout title={TITLE} stylesheets={['/assets/staff.css', '/assets/workflow.css']}>
      <div class="page workflow">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        {view.saved ? (
          <div class="workflow-notice" role="status">
            <p>設定を保存しました。公開ページとオープンデータにすぐ反映されます。</p>
          </div>
        ) : null}
        {view.error ? (
          <p class="form-error" role="alert">
            {view.error}
          </p>
        ) : null}
        <p>現在の設定: {now}</p>
        {view.canManage ? (
          <form method="post" action={INTERIM_PUBLICATION_URL} class="staff-form">
            <CsrfField token={view.csrf} />
            <fieldset>
              <legend>公表した中間報告の扱い</legend>
              <span class="choice">
                <input
                  type="radio"
                  id="interim-public"
                  name="interimPublic"
                  value="1"
                  checked={view.interimPublic}
                />
                <label for="interim-public">
                  公開する（公表の手続きを終えた部局の中間報告を、公開ページとオープンデータに掲載）
                </label>
              </span>
              <span class="choice">
                <input
                  type="radio"
                  id="interim-internal"
                  name="interimPublic"
                  value="0"
                  checked={!view.interimPublic}
                />
                <label for="interim-internal">
                  庁内のみ（公開ページには、この自治体では公表していない旨を表示）
                </label>
              </span>
            </fieldset>
            <button type="submit" class="button-primary">
              保存
            </button>
          </form>
        ) : (
          <p>この設定を変更できるのは、企画担当と管理者です。</p>
        )}
      </div>
    </Layout>
  );
}
