import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceBeside } from './source-pages.tsx';

const render = (view: Parameters<typeof SourceBeside>[0]['view']) =>
  String(
    <SourceBeside token="tok123" view={view} heading={(text) => <h2>{text}</h2>}>
      <p>表</p>
    </SourceBeside>,
  );

test('pages drawn: each image with its page number in its alt text and caption, beside the table', () => {
  const html = render({ status: 'ready', pages: [{ page: 2, width: 1096, height: 775 }], limited: false });
  assert.match(
    html,
    /<img src="\/staff\/import\/tok123\/pages\/2" alt="取り込んだPDFの2ページ目" width="1096" height="775"/,
  );
  assert.match(html, /2ページ目（画像を押すと拡大して開きます）/);
  assert.match(html, /<div class="parsed-tables"><p>表<\/p><\/div>/);
});

test('pages not drawn: a note in Japanese, the table still there', () => {
  const html = render({ status: 'failed' });
  assert.match(html, /PDFのページ画像を表示できませんでした。.*元のPDFを開いて見比べてください。/);
  assert.match(html, /<p>表<\/p>/);
  assert.doesNotMatch(html, /<img/);
});

test('not a PDF: only the table', () => {
  assert.equal(render({ status: 'none' }), '<p>表</p>');
});

test('more pages than drawn: says from which page on they are not shown', () => {
  const pages = Array.from({ length: 12 }, (_, i) => ({ page: i + 1, width: 10, height: 10 }));
  assert.match(render({ status: 'ready', pages, limited: true }), /13\s*ページ目以降は表示していません/);
});
