/**
 * PDFs printed by LibreOffice from city workbooks laid out for printing (print titles repeated on
 * every page, page header and footer, merged 番号, a goal across a page break), the workbooks
 * themselves and a legacy .xls saved by LibreOffice: each imports as the hand-written document it was
 * made from. The committed files are read; only the .xls needs LibreOffice (it is converted by it).
 * Made by fixtures/make-libreoffice-fixtures.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSourceAsync } from '../read-source.ts';
import { findSoffice } from '../xlsx/convert-xls.ts';
import { openPdf, readPage } from './extract.ts';
import { assertSameDocument, bytesOf, expectedOf } from './same-document.testkit.ts';

const timeout = 300_000;
const FIXTURES = ['lo-sangyo-2024', 'lo-kensetsu-2019', 'lo-kyoiku-2020'];
const soffice = await findSoffice();

async function producerOf(name: string): Promise<string> {
  const doc = await openPdf(bytesOf(name));
  try {
    const { info } = await doc.getMetadata();
    return String((info as { Producer?: unknown }).Producer ?? '');
  } finally {
    await doc.destroy();
  }
}

async function pageTexts(name: string): Promise<string[]> {
  const doc = await openPdf(bytesOf(name));
  try {
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++)
      texts.push((await readPage(doc, n)).runs.map((r) => r.text).join(''));
    return texts;
  } finally {
    await doc.destroy();
  }
}

describe('a PDF printed by LibreOffice from a city workbook imports as the document it shows', () => {
  for (const name of FIXTURES) {
    it(name, { timeout }, async () => {
      const bytes = bytesOf(`${name}.pdf`);
      assert.match(await producerOf(`${name}.pdf`), /^LibreOffice/, 'made by LibreOffice');
      const source = await readSourceAsync(`${name}.pdf`, bytes);
      assert.equal(source.format, 'pdf');
      assert.equal(source.documents.length, 1);
      const [doc] = source.documents;
      assert.ok(doc);
      assertSameDocument(doc, expectedOf(name));
      assert.deepEqual(doc.warnings, []);
    });
  }

  it('the goal cut by the page break: print titles and the page footer on both pages, not content', {
    timeout,
  }, async () => {
    const [first, second] = await pageTexts('lo-sangyo-2024.pdf');
    assert.ok(first !== undefined && second !== undefined, 'two pages');
    // Page 2 starts inside goal 2 (its ⑤ without a 番号 or title), under the repeated head.
    for (const text of [first, second]) {
      assert.match(text, /重点目標一覧表担当部局名/);
      assert.match(text, /【令和５年度重点目標】/);
      assert.match(text, /（様式１）/);
    }
    assert.match(second, /⑤\s*観光データの活用/);
    assert.doesNotMatch(second, /観光誘客の推進/);
    const [doc] = (await readSourceAsync('lo-sangyo-2024.pdf', bytesOf('lo-sangyo-2024.pdf'))).documents;
    assert.deepEqual(
      doc?.review.goals.map((g) => g.items.length),
      [3, 5, 2],
    );
  });
});

describe('the workbooks those PDFs were printed from', () => {
  for (const name of FIXTURES) {
    it(`${name}.xlsx reads as the same document`, { timeout }, async () => {
      const source = await readSourceAsync(`${name}.xlsx`, bytesOf(`${name}.xlsx`));
      assert.equal(source.format, 'xlsx');
      const [doc] = source.documents;
      assert.ok(doc);
      // A workbook keeps its spaces: the texts are exactly the expected ones.
      assert.deepEqual(doc, expectedOf(name));
    });
  }

  it('the legacy .xls LibreOffice saved of one reads as the same document', {
    timeout,
    skip: soffice
      ? false
      : 'LibreOffice (soffice) is not installed: an .xls is read by converting it with LibreOffice',
  }, async () => {
    const source = await readSourceAsync('lo-sangyo-2024.xls', bytesOf('lo-sangyo-2024.xls'));
    assert.equal(source.format, 'xlsx');
    const [doc] = source.documents;
    assert.ok(doc);
    assert.deepEqual(doc, expectedOf('lo-sangyo-2024'));
  });
});

describe('a workbook printed with a cover and a 記入要領 sheet before its table', () => {
  it('skips those pages, one warning each, and imports the table as the document it shows', {
    timeout,
  }, async () => {
    const name = 'lo-kensetsu-2019-front';
    const [cover, guide, table] = await pageTexts(`${name}.pdf`);
    assert.match(cover ?? '', /建設部/, 'page 1 is the cover');
    assert.match(guide ?? '', /記入要領/, 'page 2 is the instructions');
    assert.match(guide ?? '', /１\s*重点目標は/);
    assert.match(table ?? '', /担当部局名/, 'the table starts on page 3');
    const source = await readSourceAsync(`${name}.pdf`, bytesOf(`${name}.pdf`));
    assert.equal(source.documents.length, 1);
    const [doc] = source.documents;
    assert.ok(doc);
    assertSameDocument(doc, expectedOf(name));
    assert.deepEqual(
      doc.warnings.map((w) => w.message.replace(/:.*/, '')),
      ['page 1', 'page 2'],
    );
    for (const w of doc.warnings) assert.match(w.message, /^page \d: skipped: /);
  });
});
