/**
 * OCR in the upload worker: a scanned page takes tens of seconds, longer than a text PDF's whole time
 * budget. The reader announces that slow work (long-work.ts), so the worker's budget makes room for it
 * instead of refusing the scan as too complex. Needs tesseract with Japanese; skipped without it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readSourceIsolated } from '../../isolated/read-isolated.ts';
import { ocrEngine } from './tesseract.ts';

const scan = new Uint8Array(readFileSync(new URL('./fixtures/seed-page1-scan.pdf', import.meta.url)));
const installed = (await ocrEngine()) !== undefined;

test('a scan read by OCR in the worker is not cut off by a budget far shorter than its OCR', {
  skip: installed ? false : 'tesseract with Japanese (apt: tesseract-ocr tesseract-ocr-jpn) is not installed',
  timeout: 600_000,
}, async () => {
  // One second: a text PDF of this size reads well within it; OCR of the page takes 10–30 s.
  const source = await readSourceIsolated('scan.pdf', scan, { timeMs: 1_000, memoryMb: 512 });
  assert.equal(source.documents.length, 1);
  assert.match(source.documents[0]?.warnings[0]?.message ?? '', /OCR/);
});
