import { CHROMIUM_INSTALL_COMMAND } from '../../exporters/pdf/chromium-check.ts';
import { Layout } from '../components/layout.tsx';

/** Answer of a PDF URL on a server without Chromium: the HTML print view still works. */
export function PdfUnavailablePage({ printHref }: { printHref: string }) {
  return (
    <Layout title="PDFを作成できません">
      <div class="page">
        <h1 class="page-title">PDFを作成できません</h1>
        <p>このサーバーには、PDFの作成に必要なソフトウェア（Chromium）がインストールされていません。</p>
        <p>
          印刷用の表示（HTML）は利用できます。ブラウザの印刷機能でA4横向きに印刷するか、「PDFに保存」を選んでください。
        </p>
        <p>
          <a href={printHref}>印刷用の表示を開く</a>
        </p>
        <p>
          管理者の方へ: <code>{CHROMIUM_INSTALL_COMMAND}</code>{' '}
          でインストールすると、PDFを作成できるようになります。
        </p>
      </div>
    </Layout>
  );
}
