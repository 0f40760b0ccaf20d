import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { readSourceAsync } from '../read-source.ts';
import { openPdf, type PageContent, readPage } from './extract.ts';
import { readPages } from './read-pdf.ts';
import { assertSameDocument, bytesOf, sourceOf } from './same-document.testkit.ts';

const timeout = 300_000;

async function pagesOf(name: string): Promise<PageContent[]> {
  const doc = await openPdf(bytesOf(name));
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
    return pages;
  } finally {
    await doc.destroy();
  }
}

describe('a PDF printed by our own exporter (Chromium) imports as the document it shows', () => {
  let seedPages: PageContent[];
  let demoPages: PageContent[];
  before(async () => {
    seedPages = await pagesOf('seed.pdf');
    demoPages = await pagesOf('demo-kenko-fukushi-2024.pdf');
  });

  it('the seed table, 5 pages, goals across page breaks', { timeout }, async () => {
    const source = await readSourceAsync('seed.pdf', bytesOf('seed.pdf'));
    assert.equal(source.format, 'pdf');
    assert.equal(source.documents.length, 1);
    const [doc] = source.documents;
    assert.ok(doc);
    assertSameDocument(doc, sourceOf('seed'));
    assert.deepEqual(doc.warnings, []);
    // Goals across pages: a page that starts inside a goal (no 番号 before its first item).
    assert.equal(seedPages.length, 5);
    assert.equal(readPages(seedPages).plan.goals.length, 7);
  });

  it('the same table without its ruling lines: columns from where the text starts', { timeout }, () => {
    const unruled = (pages: PageContent[]) => pages.map((p) => ({ ...p, rules: [] }));
    assertSameDocument(readPages(unruled(demoPages)), sourceOf('demo-kenko-fukushi-2024'));
    assertSameDocument(readPages(unruled(seedPages)), sourceOf('seed'));
  });

  it('みなと台市 健康福祉部 2024', { timeout }, async () => {
    const [doc] = (await readSourceAsync('demo.pdf', bytesOf('demo-kenko-fukushi-2024.pdf'))).documents;
    assert.ok(doc);
    assertSameDocument(doc, sourceOf('demo-kenko-fukushi-2024'));
  });
});

describe('a scan (pages that are pictures, no text layer)', () => {
  it('is refused with NO_TEXT_LAYER naming the file and saying what to do', { timeout }, async () => {
    await assert.rejects(readSourceAsync('scan.pdf', bytesOf('scan.pdf')), (error) => {
      assert.ok(error instanceof AppError, String(error));
      assert.equal(error.code, 'NO_TEXT_LAYER');
      assert.match(error.describe(), /^scan\.pdf:page 1: the PDF has no text layer/);
      assert.match(error.message, /save the table from the original Excel file as PDF/);
      assert.match(error.message, /import the Excel workbook itself/);
      return true;
    });
  });

  it('a PDF that is not a PDF at all is a plain refusal, not a crash', { timeout }, async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\nnothing else here');
    await assert.rejects(readSourceAsync('broken.pdf', broken), (error) => {
      assert.ok(error instanceof AppError, String(error));
      assert.equal(error.code, 'NOT_A_DOCUMENT');
      assert.equal(error.location.file, 'broken.pdf');
      return true;
    });
  });
});
