/**
 * `mokuhyo import` of a scan with tesseract installed: read by OCR, stored only as a draft, the
 * unsure paragraphs printed as `file: warning: page N: …`. Skipped without tesseract-ocr(-jpn).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ocrEngine } from '../src/importer/pdf/ocr/tesseract.ts';
import { useCliDb } from './cli-harness.ts';

const scan = fileURLToPath(new URL('../src/importer/pdf/ocr/fixtures/seed-page1-scan.pdf', import.meta.url));
const skip =
  (await ocrEngine()) === undefined
    ? 'tesseract with Japanese (apt: tesseract-ocr tesseract-ocr-jpn) is not installed'
    : false;
const timeout = 600_000;
const cli = useCliDb();

const stored = async () => (await cli.db.kysely.selectFrom('source_document').select('id').execute()).length;

test('a scan is refused as published history, and imports as a draft naming its unsure cells', {
  skip,
  timeout,
}, async () => {
  const refused = await cli.run(['import', '--published', scan]);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /OCR/);
  assert.match(refused.stderr, /公表済みとして取り込めません/);
  assert.equal(await stored(), 0);

  const result = await cli.run(['import', scan]);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(result.stderr.includes(`${scan}: warning: page 1: read by OCR from page images`), result.stderr);
  assert.match(result.stderr, /warning: page 1: OCR unsure \(\d+%\) at (?:review|plan) /);
  assert.match(result.stdout, /as draft/);
  assert.equal(await stored(), 1);
});
