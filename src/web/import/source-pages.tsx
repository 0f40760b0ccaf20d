import type { Child } from 'hono/jsx';
import type { PageImages } from '../../importer/pending/pending-pages.ts';

/** The URL of one page image of a waiting upload (staff only, the uploader's own). */
export const pageImageUrl = (token: string, page: number) =>
  `/staff/import/${encodeURIComponent(token)}/pages/${page}`;

/** What the page needs of the drawn pages: their numbers and sizes (the images come by URL). */
export type SourcePagesView =
  | { status: 'none' }
  | { status: 'failed' }
  | { status: 'ready'; pages: { page: number; width: number; height: number }[]; limited: boolean };

export function sourcePagesView(images: PageImages, limit: number): SourcePagesView {
  if (images.status !== 'ready') return images;
  const pages = images.pages.map(({ page, width, height }) => ({ page, width, height }));
  return { status: 'ready', pages, limited: pages.length >= limit };
}

/**
 * The PDF's pages beside what was read from them, so the clerk can check one against the other: side
 * by side on a wide screen, the pages first on a narrow one (import.css). Without a PDF, only the table.
 */
export function SourceBeside({
  token,
  view,
  heading,
  children,
}: {
  token: string;
  view: SourcePagesView;
  /** The heading above the pages, at the level of the page's outline (h2 alone, h3 inside a file). */
  heading: (text: string) => Child;
  children: Child;
}) {
  if (view.status === 'none') return <>{children}</>;
  return (
    <div class="import-compare">
      <div class="source-pages">
        {heading('元のPDF')}
        {view.status === 'failed' ? (
          <p class="source-pages__note" role="note">
            PDFのページ画像を表示できませんでした。読み取った表は隣（狭い画面では下）にあります。元のPDFを開いて見比べてください。
          </p>
        ) : (
          <>
            {view.pages.map((p) => (
              <figure class="source-page">
                <a href={pageImageUrl(token, p.page)}>
                  <img
                    src={pageImageUrl(token, p.page)}
                    alt={`取り込んだPDFの${p.page}ページ目`}
                    width={p.width}
                    height={p.height}
                    loading="lazy"
                  />
                </a>
                <figcaption>{p.page}ページ目（画像を押すと拡大して開きます）</figcaption>
              </figure>
            ))}
            {view.limited ? (
              <p class="source-pages__note">
                {view.pages.length + 1}
                ページ目以降は表示していません。あれば元のPDFを開いて確かめてください。
              </p>
            ) : null}
          </>
        )}
      </div>
      <div class="parsed-tables">{children}</div>
    </div>
  );
}
