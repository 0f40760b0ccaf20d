import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { MAX_RENDERED_PAGES, renderPdfPages } from './page-render.ts';

const seed = new Uint8Array(readFileSync(new URL('./fixtures/seed.pdf', import.meta.url)));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const timeout = 120_000;

/** Width and height from the IHDR chunk, which follows the signature. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('renderPdfPages', () => {
  it('draws every page of the seed table as a PNG of the size it reports', { timeout }, async () => {
    const pages = await renderPdfPages(seed);
    assert.deepEqual(
      pages.map((p) => p.page),
      [1, 2, 3, 4, 5],
    );
    for (const p of pages) {
      assert.deepEqual(p.png.subarray(0, 8), PNG_SIGNATURE);
      assert.deepEqual(pngSize(p.png), { width: p.width, height: p.height });
      // A4 landscape (842.88 × 595.92 pt) at the default scale 1.3.
      assert.equal(p.width, Math.ceil(842.88 * 1.3));
      assert.equal(p.height, Math.ceil(595.92 * 1.3));
    }
  });

  it('draws the Japanese text: a page is far from blank', { timeout }, async () => {
    const [page] = await renderPdfPages(seed, { pages: [1], scale: 0.5 });
    assert.ok(page);
    // A blank white page compresses to a few hundred bytes; drawn text and rules do not.
    assert.ok(page.png.byteLength > 20_000, `only ${page.png.byteLength} bytes`);
  });

  it('only the pages asked for, within the document and the limit', { timeout }, async () => {
    const pages = await renderPdfPages(seed, { pages: [2, 9, 0], scale: 0.5 });
    assert.deepEqual(
      pages.map((p) => [p.page, p.width]),
      [[2, Math.ceil(842.88 * 0.5)]],
    );
    assert.ok(MAX_RENDERED_PAGES >= 5);
  });

  it('refuses bytes that are not a PDF with an AppError', { timeout }, async () => {
    await assert.rejects(renderPdfPages(new TextEncoder().encode('not a pdf')), (e) => e instanceof AppError);
  });
});
