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
        <p>
          一覧表の PDF（文字のデータがあるもの）、PDF から取り出したテキスト（UTF-8 または
          Shift_JIS）、Excel（このシステムが出力した様式）、または交換用 JSON
          を選んでください。複数のファイルをまとめて選ぶこともできます。次の画面で内容を確認してから保存します。
        </p>
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
              accept=".pdf,.txt,.json,.xlsx,application/pdf,text/plain,application/json"
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
