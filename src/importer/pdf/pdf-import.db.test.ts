/**
 * Export → PDF → import, through the database: the seed table printed by our PDF exporter, imported
 * and stored, exports as the document it was printed from (on the engine DATABASE_URL names); so does
 * a LibreOffice print of a city workbook.
 */
import { after, before, test } from 'node:test';
import type { Db } from '../../db/database.ts';
import { exportTables } from '../../exporters/export.service.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { createTestDb } from '../../test-support/test-db.ts';
import { importSources } from '../import.service.ts';
import { readSourceAsync } from '../read-source.ts';
import { assertSameDocument, bytesOf, expectedOf, sourceOf } from './same-document.testkit.ts';

let db: Db;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

/** Stores the PDF as a draft import and exports its table back: field by field what the PDF shows. */
async function roundTrip(file: string, want: IchiranDocument, municipality: string): Promise<void> {
  const source = await readSourceAsync(file, bytesOf(file));
  await importSources(db.kysely, [source], { municipality });
  const out = await exportTables(db.kysely, {
    municipality,
    department: want.department,
    planYear: want.plan.fiscalYear,
    format: 'json',
    audience: { includeDrafts: true },
  });
  assertSameDocument(JSON.parse(String(out.body)) as IchiranDocument, want);
}

test('a PDF of the seed table stores and exports as the document it shows', { timeout: 300_000 }, () =>
  roundTrip('seed.pdf', sourceOf('seed'), 'pdf'),
);

test('form variants (units above ①, (2) rows, an empty review half) store and export as their forms show', {
  timeout: 300_000,
}, async () => {
  for (const name of ['variant-label', 'variant-colon'])
    await roundTrip(`${name}.pdf`, expectedOf(name), 'variants');
});

test(
  'a PDF printed by LibreOffice (a goal across pages) stores and exports as the document it shows',
  {
    timeout: 300_000,
  },
  () => roundTrip('lo-sangyo-2024.pdf', expectedOf('lo-sangyo-2024'), 'pdf'),
);
