import { urls } from '../../views/view-models.ts';
import { Layout } from '../components/layout.tsx';

export function ErrorPage({ status, message, detail }: { status: number; message: string; detail?: string }) {
  return (
    <Layout title={titleOf(status)}>
      <div class="page">
        <h1 class="page-title">{titleOf(status)}</h1>
        <p>{message}</p>
        {detail && detail !== message ? <p class="error-detail">{detail}</p> : null}
        <p>
          <a href={urls.home()}>トップページへ戻る</a>
        </p>
      </div>
    </Layout>
  );
}

function titleOf(status: number): string {
  if (status === 404) return 'ページが見つかりません';
  // A refusal is not a fault: the page says what may not be done, and the sentence below says why.
  if (status === 403) return 'この操作はできません';
  return 'エラーが発生しました';
}
