/**
 * Pages that are not the table (a cover and a 記入要領 page LibreOffice printed with the workbook)
 * are skipped, one warning each, in ruled and unruled tables alike; a table page is never skipped,
 * even one without column headings or rules; a PDF of such pages alone is still refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { openPdf, type PageContent, readPage } from './extract.ts';
import { foldIdeographs } from './fold.ts';
import { readPages } from './read-pdf.ts';
import { assertSameDocument, bytesOf, expectedOf } from './same-document.testkit.ts';
import { looksLikeTable } from './table-pages.ts';

const timeout = 120_000;

async function pagesOf(name: string): Promise<PageContent[]> {
  const doc = await openPdf(bytesOf(`${name}.pdf`));
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The cover and the 記入要領 page of the LibreOffice fixture (pages 1 and 2). */
const frontPages = async () => (await pagesOf('lo-kensetsu-2019-front')).slice(0, 2);
const renumber = (pages: PageContent[]) => pages.map((p, i) => ({ ...p, number: i + 1 }));
const COLUMN_HEADING = /番号|具体的な|箇条書き|達成状況|数値目標/;

describe('pages that hold no part of the table', () => {
  it('are skipped before an unruled table too, one warning each', { timeout }, async () => {
    const front = await frontPages();
    for (const name of ['variant-label', 'variant-colon']) {
      const table = (await pagesOf(name)).map((p) => ({ ...p, rules: [] }));
      const doc = readPages(renumber([...front, ...table]));
      assertSameDocument(doc, expectedOf(name));
      assert.deepEqual(
        doc.warnings.map((w) => w.message.replace(/:.*/, '')),
        ['page 1', 'page 2'],
        name,
      );
    }
  });

  it('a table page without column headings or rules is read, not skipped', { timeout }, async () => {
    for (const name of ['variant-label', 'variant-colon']) {
      const pages = (await pagesOf(name)).map((p) => ({ ...p, rules: [] }));
      const [first, ...rest] = pages;
      assert.ok(first && rest.length > 0, `${name} has a second page`);
      // Folded as the reader folds them: the fonts give radicals for some ideographs.
      const bare = rest.map((p) => ({
        ...p,
        runs: p.runs
          .map((r) => ({ ...r, text: foldIdeographs(r.text) }))
          .filter((r) => !COLUMN_HEADING.test(r.text)),
      }));
      assert.ok(
        bare.every((p) => p.runs.length > 0 && !looksLikeTable(p)),
        'the later pages look like no table',
      );
      const doc = readPages([first, ...bare]);
      assertSameDocument(doc, expectedOf(name));
      assert.deepEqual(doc.warnings, [], name);
    }
  });

  it('alone are no 重点目標一覧表: refused as before', { timeout }, async () => {
    const front = await frontPages();
    assert.throws(
      () => readPages(front),
      (error) => error instanceof AppError && error.code === 'NOT_A_DOCUMENT',
    );
  });
});
