/**
 * Forms of other cities, printed by Chromium from HTML tables of our own design
 * (fixtures/make-variant-pdfs.ts), import as the hand-written documents they show, field by field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSourceAsync } from '../read-source.ts';
import { openPdf, type PageContent, readPage } from './extract.ts';
import { readPages } from './read-pdf.ts';
import { assertSameDocument, bytesOf, expectedOf } from './same-document.testkit.ts';

const timeout = 120_000;

async function imported(name: string) {
  const source = await readSourceAsync(`${name}.pdf`, bytesOf(`${name}.pdf`));
  assert.equal(source.documents.length, 1);
  const [doc] = source.documents;
  assert.ok(doc);
  return doc;
}

describe('form variants in a PDF printed by Chromium', () => {
  it('label form: 重点目標 label cells, 担当部局名： boxed right, 令和元年度, units above ①, a (2) row, notes in another order, a plan-only goal, a goal across pages', {
    timeout,
  }, async () => {
    const doc = await imported('variant-label');
    assertSameDocument(doc, expectedOf('variant-label'));
    assert.deepEqual(doc.warnings, []);
  });

  it('colon form: 重点目標：title merged, 担当部局名 boxed left with a full-width space, 平成30年度, （２） and ⑵ rows, an empty review half', {
    timeout,
  }, async () => {
    const doc = await imported('variant-colon');
    assertSameDocument(doc, expectedOf('variant-colon'));
    assert.deepEqual(doc.warnings, []);
  });

  it('paragraph form: the title as the item cell’s first paragraph, full-width years, a note on a later row, a duplicate ② kept and warned', {
    timeout,
  }, async () => {
    const doc = await imported('variant-paragraph');
    assertSameDocument(doc, expectedOf('variant-paragraph'));
    assert.deepEqual(
      doc.warnings.map((w) => w.message),
      ['page 1: goal 2: target numbering ② appears twice'],
    );
  });

  it('the label and colon forms without their ruling lines: rows cut where a 番号 or a title starts', {
    timeout,
  }, async () => {
    for (const name of ['variant-label', 'variant-colon']) {
      const doc = await openPdf(bytesOf(`${name}.pdf`));
      const pages: PageContent[] = [];
      try {
        for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
      } finally {
        await doc.destroy();
      }
      const unruled = readPages(pages.map((p) => ({ ...p, rules: [] })));
      assertSameDocument(unruled, expectedOf(name));
      assert.deepEqual(unruled.warnings, [], name);
    }
  });
});
