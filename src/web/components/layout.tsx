import type { Child } from 'hono/jsx';
import { urls } from '../view-models.ts';

export const PRODUCT_NAME = '重点目標一覧表 公開サイト';

export interface LayoutProps {
  /** The page's own title, shown first in the browser tab. */
  title: string;
  /** Shown in the header beside the product name when the page belongs to one municipality. */
  municipalityName?: string;
  /** Wide pages (the table) use the full screen width for header, main and footer alike. */
  wide?: boolean;
  children: Child;
}

export function Layout({ title, municipalityName, wide = false, children }: LayoutProps) {
  const siteName = municipalityName ? `${municipalityName} ${PRODUCT_NAME}` : PRODUCT_NAME;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === siteName ? title : `${title} | ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/fonts/biz-udpgothic.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/print.css" media="print" />
      </head>
      <body class={wide ? 'layout--wide' : undefined}>
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__home" href={urls.home()}>
              {municipalityName ? <span class="site-header__municipality">{municipalityName}</span> : null}
              <span class="site-header__product">{PRODUCT_NAME}</span>
            </a>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="site-footer__inner">
            <p>各部局の重点目標と、その前年度の達成状況を公開しています。</p>
            <p>
              <a href={urls.home()}>トップページへ戻る</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
