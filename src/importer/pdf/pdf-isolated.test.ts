/** Uploads are read in a worker (importer/isolated): PDFs go the same way, errors and all. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../errors.ts';
import { readSourceIsolated } from '../isolated/read-isolated.ts';
import { assertSameDocument, bytesOf, sourceOf } from './same-document.testkit.ts';

const timeout = 300_000;

test('a PDF upload is read in the worker', { timeout }, async () => {
  // A budget for this machine's load (CI shares two cores): the test is about the path, not the speed.
  const budget = { timeMs: 240_000, memoryMb: 512 };
  const source = await readSourceIsolated('demo.pdf', bytesOf('demo-kenko-fukushi-2024.pdf'), budget);
  assert.equal(source.format, 'pdf');
  const [doc] = source.documents;
  assert.ok(doc);
  assertSameDocument(doc, sourceOf('demo-kenko-fukushi-2024'));
});

test('a scan upload comes back from the worker as NO_TEXT_LAYER with file and page', {
  timeout,
}, async (t) => {
  // Without OCR (the worker copies this environment): OCR of this 2-page scan takes longer than the
  // default 30 s parse budget, which read-scan.test.ts does not go through.
  const saved = process.env.MOKUHYO_OCR;
  process.env.MOKUHYO_OCR = 'off';
  t.after(() => {
    if (saved === undefined) delete process.env.MOKUHYO_OCR;
    else process.env.MOKUHYO_OCR = saved;
  });
  await assert.rejects(readSourceIsolated('scan.pdf', bytesOf('scan.pdf')), (error) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'NO_TEXT_LAYER');
    assert.deepEqual(error.location, { file: 'scan.pdf', page: 1 });
    return true;
  });
});
