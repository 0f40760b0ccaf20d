/**
 * A scan read with OCR: the seed table's first page printed to a 300 dpi black-and-white image and
 * wrapped back into a PDF (fixtures/make-scan-fixture.ts). Its text layer is the reference: OCR must
 * give the same structure (department, years, goals, items) and texts close to it, as a draft with
 * its unsure paragraphs named. Needs tesseract-ocr and tesseract-ocr-jpn; skipped without them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../errors.ts';
import type { IchiranDocument } from '../../../format/document.schema.ts';
import { readSourceAsync } from '../../read-source.ts';
import { openPdf, readPage } from '../extract.ts';
import { readPages } from '../read-pdf.ts';
import { assertNotOcrPublished, readByOcr } from './ocr-notice.ts';
import { ocrEngine } from './tesseract.ts';
import { parseUncertainWarning } from './uncertain.ts';

const timeout = 600_000;
const scan = new Uint8Array(readFileSync(new URL('./fixtures/seed-page1-scan.pdf', import.meta.url)));
const seed = new Uint8Array(readFileSync(new URL('../fixtures/seed.pdf', import.meta.url)));
const installed = (await ocrEngine()) !== undefined;
const skip = installed
  ? false
  : 'tesseract with Japanese (apt: tesseract-ocr tesseract-ocr-jpn) is not installed';

/** 1 − edit distance / length, over the texts without whitespace. */
function similarity(a: string, b: string): number {
  const x = [...a.replace(/\s+/g, '')];
  const y = [...b.replace(/\s+/g, '')];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return 1 - (previous[y.length] ?? 0) / Math.max(x.length, y.length, 1);
}

const texts = (doc: IchiranDocument) =>
  (['review', 'plan'] as const).flatMap((b) =>
    doc[b].goals.flatMap((g) => [
      g.title,
      ...g.items.flatMap((i) => [i.text, i.achievement ?? '', i.target ?? '']),
    ]),
  );

describe('a scan read with OCR', { skip }, () => {
  let want: IchiranDocument;
  let got: IchiranDocument;
  before(async () => {
    const pdf = await openPdf(seed);
    try {
      want = readPages([await readPage(pdf, 1)]);
    } finally {
      await pdf.destroy();
    }
    const source = await readSourceAsync('seed-page1-scan.pdf', scan);
    assert.equal(source.format, 'pdf');
    const [doc] = source.documents;
    assert.ok(doc);
    got = doc;
  });

  it('gives the table the text layer gives: years, goals, items, texts close to it', { timeout }, () => {
    assert.ok(similarity(got.department, want.department) >= 0.9, `${got.department} ≈ ${want.department}`);
    for (const block of ['review', 'plan'] as const) {
      assert.equal(got[block].fiscalYear, want[block].fiscalYear, `${block} year`);
      const shape = (doc: IchiranDocument) => doc[block].goals.map((g) => g.items.map((i) => i.no));
      assert.deepEqual(shape(got), shape(want), `${block}: goals and their items`);
    }
    const [a, b] = [texts(got), texts(want)];
    assert.equal(a.length, b.length);
    for (const [i, text] of a.entries()) {
      assert.ok(similarity(text, b[i] ?? '') >= 0.8, `「${text}」 ≈ 「${b[i]}」`);
    }
    assert.ok(similarity(a.join(''), b.join('')) >= 0.95, 'the whole table');
  });

  it('is marked as read by OCR: kept as a draft, never loaded as published history', { timeout }, () => {
    assert.ok(readByOcr(got));
    assert.match(got.warnings[0]?.message ?? '', /^page 1: read by OCR from page images/);
    assert.throws(
      () => assertNotOcrPublished(got, 'seed-page1-scan.pdf'),
      (error) =>
        error instanceof AppError && error.code === 'INVALID_INPUT' && error.location.field === 'published',
    );
    assert.doesNotThrow(() => assertNotOcrPublished(want, 'seed.pdf'));
  });

  it('names the paragraphs OCR was unsure of, by page, goal, item and field', { timeout }, () => {
    const places = got.warnings.flatMap((w) => parseUncertainWarning(w.message) ?? []);
    assert.ok(places.length > 0, 'at least one unsure paragraph on this page');
    for (const p of places) {
      assert.equal(p.page, 1);
      assert.ok(p.confidence < 80);
    }
    const located = places.filter((p) => p.goal !== undefined);
    assert.ok(located.length > 0, 'some of them found in the document');
    for (const p of located) {
      const goal = got[p.block ?? 'plan'].goals.find((g) => g.no === p.goal);
      assert.ok(goal, `goal ${p.goal}`);
      if (p.item !== undefined)
        assert.ok(
          goal.items.some((i) => i.no === p.item),
          `item ${p.item}`,
        );
    }
  });
});

describe('with OCR switched off (MOKUHYO_OCR=off)', () => {
  const saved = process.env.MOKUHYO_OCR;
  before(() => {
    process.env.MOKUHYO_OCR = 'off';
  });
  after(() => {
    if (saved === undefined) delete process.env.MOKUHYO_OCR;
    else process.env.MOKUHYO_OCR = saved;
  });

  it('a scan is refused as before, naming the file and saying what to do', { timeout }, async () => {
    await assert.rejects(readSourceAsync('seed-page1-scan.pdf', scan), (error) => {
      assert.ok(error instanceof AppError, String(error));
      assert.equal(error.code, 'NO_TEXT_LAYER');
      assert.match(error.describe(), /^seed-page1-scan\.pdf:page 1: the PDF has no text layer/);
      assert.doesNotMatch(error.message, /OCR/);
      return true;
    });
  });
});
