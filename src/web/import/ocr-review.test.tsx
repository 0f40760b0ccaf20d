/**
 * A scan's preview says each thing once: the OCR notice and the unsure paragraphs are in the OCR
 * review (its table), and the warning list beside it keeps only the other warnings — on the single
 * preview and on the several-files preview alike. Any other import lists every warning as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { OCR_NOTICE } from '../../importer/pdf/ocr/ocr-notice.ts';
import { uncertainWarning } from '../../importer/pdf/ocr/uncertain.ts';
import { renderPage } from '../../views/render.tsx';
import { BatchPage } from './batch.page.tsx';
import { PreviewPage } from './preview.page.tsx';

const table: Omit<IchiranDocument, 'warnings'> = {
  department: '総務部',
  review: { fiscalYear: 2023, goals: [{ no: 1, title: '窓口の待ち時間を短くする', items: [] }] },
  plan: {
    fiscalYear: 2024,
    goals: [
      {
        no: 1,
        title: '行政手続のオンライン化',
        items: [{ no: 1, text: '電子申請の対象を広げる', target: '令和6年度 50手続', quantities: [] }],
      },
    ],
  },
};
const unsure = uncertainWarning(
  { page: 1, column: 4, text: '令和6年度 50手続', confidence: 61 },
  {
    ...table,
    warnings: [],
  },
);
const skipped = 'page 2: skipped: the page holds no part of the table (a cover or instructions)';
const scan: IchiranDocument = {
  ...table,
  warnings: [{ message: `page 1: ${OCR_NOTICE}` }, { message: unsure }, { message: skipped }],
};
const text: IchiranDocument = { ...table, warnings: [{ message: unsure }, { message: skipped }] };

const preview = (doc: IchiranDocument) =>
  renderPage(
    <PreviewPage
      view={{
        csrfToken: 'csrf',
        token: 'tok',
        name: 'scan.pdf',
        documents: [doc],
        departments: ['総務部'],
        sourcePages: { status: 'none' },
        canPublish: false,
        implausibleYears: [],
      }}
    />,
  );
const batch = (doc: IchiranDocument) =>
  renderPage(
    <BatchPage
      view={{
        csrfToken: 'csrf',
        entries: [{ name: 'scan.pdf', token: 'tok', documents: [doc], sourcePages: { status: 'none' } }],
      }}
    />,
  );

/** The list items of the page's warning lists (class import-warnings). */
function listed(html: string): string[] {
  const lists = [...html.matchAll(/class="import-warnings"[^>]*>([\s\S]*?)<\/(?:ul|div)>/g)];
  return lists.flatMap((m) => [...(m[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => li[1] ?? ''));
}
const count = (html: string, needle: string) => html.split(needle).length - 1;

for (const [name, render] of [
  ['the preview', preview],
  ['the several-files preview', batch],
] as const) {
  test(`${name} of a scan: the OCR notice and unsure cells only in the OCR review, other warnings listed`, async () => {
    const html = await render(scan);
    assert.deepEqual(listed(html), [
      '2ページ目: このページには表がないため読み飛ばしました（表紙・記入要領など）',
    ]);
    assert.equal(count(html, '文字認識の確からしさ'), 0, 'no unsure cell in the warning list');
    assert.equal(count(html, 'すべての欄を原本と照らしてください'), 0, 'no OCR notice in the warning list');
    assert.equal(
      count(html, '<mark class="ocr-uncertain">令和6年度 50手続</mark>'),
      1,
      'the review shows it',
    );
    assert.match(html, /1ページ 今年度 重点目標1 ① 期限・数値目標等/);
    assert.equal(count(html, 'スキャン画像から文字認識（OCR）で読み取りました'), 1, 'the notice said once');
  });

  test(`${name} of anything else lists every warning`, async () => {
    const html = await render(text);
    assert.equal(listed(html).length, 2);
    assert.match(listed(html)[0] ?? '', /^1ページ目: 文字認識の確からしさ61%/);
    assert.doesNotMatch(html, /class="ocr-review"/);
  });
}

test('the preview of a scan with nothing else to warn of shows no empty warning list', async () => {
  const html = await preview({ ...scan, warnings: scan.warnings.slice(0, 2) });
  assert.deepEqual(listed(html), []);
  assert.doesNotMatch(html, /警告はありません/);
  assert.match(html, /class="ocr-review"/);
});

test('the several-files summary counts the listed warnings and the unsure cells apart', async () => {
  const html = await batch(scan);
  assert.match(html, /<dt>警告<\/dt><dd>1 件<\/dd>/);
  assert.match(html, /<dt>文字認識（OCR）<\/dt><dd>読み取りが不確かな箇所 1 件<\/dd>/);
});
