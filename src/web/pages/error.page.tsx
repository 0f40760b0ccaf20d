import { Layout } from '../components/layout.tsx';
import { urls } from '../view-models.ts';

export function ErrorPage({ status, message, detail }: { status: number; message: string; detail?: string }) {
  return (
    <Layout title={status === 404 ? 'ページが見つかりません' : 'エラー'}>
      <div class="page">
        <h1 class="page-title">{status === 404 ? 'ページが見つかりません' : 'エラーが発生しました'}</h1>
        <p>{message}</p>
        {detail && detail !== message ? <p class="error-detail">{detail}</p> : null}
        <p>
          <a href={urls.home()}>トップページへ戻る</a>
        </p>
      </div>
    </Layout>
  );
}
