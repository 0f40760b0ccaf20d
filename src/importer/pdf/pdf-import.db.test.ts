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

test('a PDF of the seed table stores and exports as the document it shows', {
  timeout: 300_000,
}, async () => {
  const want = sourceOf('seed');
  const source = await readSourceAsync('seed.pdf', bytesOf('seed.pdf'));
  await importSources(db, [source], { municipality: 'pdf' });
  const out = await exportTables(db, {
    municipality: 'pdf',
    department: want.department,
    planYear: want.plan.fiscalYear,
    format: 'json',
    audience: { includeDrafts: true },
  });
  assertSameDocument(JSON.parse(String(out.body)) as IchiranDocument, want);
});

test('form variants (units above ①, (2) rows, an empty review half) store and export as their forms show', {
  timeout: 300_000,
}, async () => {
  for (const name of ['variant-label', 'variant-colon']) {
    const want = expectedOf(name);
    const source = await readSourceAsync(`${name}.pdf`, bytesOf(`${name}.pdf`));
    await importSources(db, [source], { municipality: 'variants' });
    const out = await exportTables(db, {
      municipality: 'variants',
      department: want.department,
      planYear: want.plan.fiscalYear,
      format: 'json',
      audience: { includeDrafts: true },
    });
    assertSameDocument(JSON.parse(String(out.body)) as IchiranDocument, want);
  }
});

test('a PDF printed by LibreOffice (a goal across pages) stores and exports as the document it shows', {
  timeout: 300_000,
}, async () => {
  const want = expectedOf('lo-sangyo-2024');
  const source = await readSourceAsync('lo-sangyo-2024.pdf', bytesOf('lo-sangyo-2024.pdf'));
  await importSources(db, [source], { municipality: 'pdf' });
  const out = await exportTables(db, {
    municipality: 'pdf',
    department: want.department,
    planYear: want.plan.fiscalYear,
    format: 'json',
    audience: { includeDrafts: true },
  });
  assertSameDocument(JSON.parse(String(out.body)) as IchiranDocument, want);
});
