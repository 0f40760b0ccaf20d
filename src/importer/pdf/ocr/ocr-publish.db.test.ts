/** An OCR reading is stored as a draft only: import.service refuses it as published history. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { createTestDb } from '../../../test-support/test-db.ts';
import { importSources } from '../../import.service.ts';
import type { ParsedSource } from '../../read-source.ts';
import { sourceOf } from '../same-document.testkit.ts';
import { OCR_NOTICE } from './ocr-notice.ts';

let db: Db;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

const ocrSource = (): ParsedSource => {
  const doc = sourceOf('demo-kenko-fukushi-2024');
  return {
    name: 'scan.pdf',
    format: 'pdf',
    contentHash: 'ocr-test',
    sizeBytes: 1,
    documents: [{ ...doc, warnings: [{ message: `page 1: ${OCR_NOTICE}` }] }],
  };
};

test('an OCR reading is refused as published history and stored as a draft', async () => {
  await assert.rejects(
    importSources(db.kysely, [ocrSource()], { municipality: 'ocr', published: true }),
    (error) =>
      error instanceof AppError && error.code === 'INVALID_INPUT' && error.location.field === 'published',
  );
  const result = await importSources(db.kysely, [ocrSource()], { municipality: 'ocr' });
  assert.equal(result.documents.length, 1);
  assert.equal(result.documents[0]?.published, false);
});
