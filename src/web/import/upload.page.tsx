import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';

export interface UploadView {
  csrfToken: string;
  error?: { message: string; where?: string; sourceLine?: string };
}

export function UploadPage({ view }: { view: UploadView }) {
  return (
    <Layout title="一覧表の取り込み" stylesheets={['/assets/staff.css', '/assets/import.css']}>
      <div class="page staff-narrow">
        <h1 class="page-title">一覧表の取り込み</h1>
        <p>次の種類のファイルを取り込めます。複数のファイルをまとめて選ぶこともできます。</p>
        <ul>
          <li>PDF（文字のデータがあるもの。スキャンした画像だけの PDF は読み取れません）</li>
          <li>Excel の .xlsx（市の一覧表の様式、またはこのシステムが出力した様式）</li>
          <li>
            Excel の古い形式 .xls（サーバーに LibreOffice が入っている場合。読めないときは Excel で .xlsx
            に保存し直してください）
          </li>
          <li>PDF から取り出したテキスト（UTF-8 または Shift_JIS）</li>
          <li>交換用 JSON</li>
        </ul>
        <p>次の画面で、読み取った内容を元のファイル（PDF はページの画像）と見比べてから保存します。</p>
        {view.error ? (
          <div class="form-error" role="alert">
            <p>
              {view.error.where ? <strong>{view.error.where}: </strong> : null}
              {view.error.message}
            </p>
            {view.error.sourceLine !== undefined ? (
              <pre class="source-excerpt">{view.error.sourceLine}</pre>
            ) : null}
          </div>
        ) : null}
        <form method="post" action="/staff/import" enctype="multipart/form-data" class="staff-form">
          <CsrfField token={view.csrfToken} />
          <div class="field">
            <label for="file">ファイル（複数選択可）</label>
            <input
              id="file"
              name="file"
              type="file"
              multiple
              required
              accept=".pdf,.txt,.json,.xlsx,.xls,application/pdf,text/plain,application/json"
            />
          </div>
          <button type="submit" class="button-primary">
            内容を確認する
          </button>
        </form>
      </div>
    </Layout>
  );
}
