import type { Child } from 'hono/jsx';
import { urls } from '../../views/view-models.ts';
import { STAFF_CSS, StaffBar, staffHeaderOfRequest } from './staff-bar.tsx';

export const PRODUCT_NAME = '重点目標一覧表 公開サイト';

export interface LayoutProps {
  /** The page's own title, shown first in the browser tab. */
  title: string;
  /** Shown in the header beside the product name when the page belongs to one municipality. */
  municipalityName?: string;
  /** Wide pages (the table) use the full screen width for header, main and footer alike. */
  wide?: boolean;
  /** Extra stylesheets of one page, linked after the app's own. */
  stylesheets?: string[];
  /** Page scripts (self-hosted, deferred): small helpers the page also works without. */
  scripts?: string[];
  /** The header's search box; the search page, which has its own form, leaves it out. */
  headerSearch?: boolean;
  children: Child;
}

export async function Layout({
  title,
  municipalityName: given,
  wide = false,
  stylesheets: own = [],
  scripts = [],
  headerSearch = true,
  children,
}: LayoutProps) {
  // Staff pages name the signed-in person's city and what waits for them (set per request).
  const staff = await staffHeaderOfRequest();
  const municipalityName = given ?? staff?.municipalityName;
  const stylesheets = staff && !own.includes(STAFF_CSS) ? [STAFF_CSS, ...own] : own;
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
        {stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href="/assets/print.css" media="print" />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
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
            {headerSearch ? (
              <search class="site-search" aria-label="サイト内検索">
                <form class="site-search__form" action="/search" method="get">
                  <label for="site-search-q" class="visually-hidden">
                    重点目標を検索
                  </label>
                  <input
                    id="site-search-q"
                    class="site-search__input"
                    type="search"
                    name="q"
                    maxlength={200}
                    placeholder="キーワード"
                  />
                  <button type="submit" class="site-search__submit">
                    検索
                  </button>
                </form>
              </search>
            ) : null}
          </div>
        </header>
        {staff ? <StaffBar header={staff} /> : null}
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
