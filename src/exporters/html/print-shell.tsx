import type { Child } from 'hono/jsx';
import { PRINT_DOCUMENT_CSS_URL } from './print-assets.ts';

/** Screen-only links of the web print view; the PDF has none. */
export interface PrintToolbarLinks {
  backHref: string;
  backLabel: string;
  pdfHref?: string;
}

/**
 * The standalone print document: the page's stylesheets (so the table looks as on the page), no
 * site navigation. print.css applies when printing and when Chromium renders the PDF.
 */
export function PrintShell({
  title,
  toolbar,
  children,
}: {
  title: string;
  toolbar?: PrintToolbarLinks | undefined;
  children: Child;
}) {
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/fonts/biz-udpgothic.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/print.css" media="print" />
        <link rel="stylesheet" href={PRINT_DOCUMENT_CSS_URL} />
      </head>
      <body class="print-document layout--wide">
        {toolbar ? <PrintToolbar links={toolbar} /> : null}
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

function PrintToolbar({ links }: { links: PrintToolbarLinks }) {
  return (
    <nav class="print-toolbar" aria-label="印刷用表示の操作">
      <p class="print-toolbar__hint">
        A4横向きの印刷用表示です。ブラウザの印刷機能（Ctrl+P）で印刷できます。
      </p>
      <ul class="print-toolbar__links">
        <li>
          <a href={links.backHref}>{links.backLabel}</a>
        </li>
        {links.pdfHref ? (
          <li>
            <a href={links.pdfHref} type="application/pdf">
              PDFをダウンロード
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
