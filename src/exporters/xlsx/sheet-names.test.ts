import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { importSources } from '../../importer/import.service.ts';
import { WARNINGS_SHEET } from '../../spreadsheet/layout.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { exportTables } from '../export.service.ts';
import { sheetNames } from './sheet-names.ts';

/** 30 characters, then an apostrophe as the 31st: the cut at 31 used to leave it at the end. */
const APOSTROPHE_AT_31 = `${'企画'.repeat(15)}'s 推進課`;

describe('sheetNames', () => {
  it('replaces characters Excel forbids with their full-width forms', () => {
    assert.deepEqual(sheetNames(['総務部/財政課', 'a[b]:c*d?e\\f']), [
      '総務部／財政課',
      'a［b］：c＊d？e＼f',
    ]);
  });

  it('keeps names within 31 characters and unique regardless of case', () => {
    const long = 'あ'.repeat(40);
    const names = sheetNames([long, long, 'Somu', 'SOMU', "'quoted'", '']);
    assert.deepEqual(names, [
      'あ'.repeat(31),
      `${'あ'.repeat(27)} (2)`,
      'Somu',
      'SOMU (2)',
      'quoted',
      'シート',
    ]);
    for (const name of names) assert.ok(name.length <= 31, name);
  });

  it('never hands out a reserved name', () => {
    assert.deepEqual(sheetNames([WARNINGS_SHEET], [WARNINGS_SHEET]), [`${WARNINGS_SHEET} (2)`]);
  });

  it('cuts at 31 and then drops an apostrophe the cut leaves at either end', () => {
    assert.deepEqual(sheetNames([APOSTROPHE_AT_31, `${'x'.repeat(31)}'`, `'${' '.repeat(40)}'`]), [
      '企画'.repeat(15),
      'x'.repeat(31),
      'シート',
    ]);
  });

  it('gives names ExcelJS accepts, unique regardless of case, for any department names', () => {
    // Names made mostly of the characters that break sheet names, plus any Unicode at all.
    const tricky = fc.string({
      unit: fc.constantFrom(
        "'",
        ' ',
        '\u3000',
        '\t',
        '/',
        '[',
        ']',
        '*',
        '?',
        ':',
        '\\',
        'a',
        'A',
        'あ',
        '𠮷',
        'History',
      ),
      maxLength: 45,
    });
    const anyText = fc.string({ unit: 'binary', maxLength: 45 });
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, anyText), { minLength: 1, maxLength: 8 }), (departments) => {
        const names = sheetNames(departments, [WARNINGS_SHEET]);
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet(WARNINGS_SHEET);
        for (const name of names) {
          assert.ok(name.length >= 1 && name.length <= 31, name);
          workbook.addWorksheet(name); // throws on any name Excel would refuse or repeat
          assert.equal(workbook.getWorksheet(name)?.name, name, 'kept as given, not truncated');
        }
        assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("export --all --format xlsx with an apostrophe at a department name's 31st character", () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => {
    await db.destroy();
  });

  it('writes the whole city, one sheet per department', async () => {
    await importSources(
      db.kysely,
      [sourceOf(makeDocument({ department: APOSTROPHE_AT_31 }), makeDocument({ department: '総務部' }))],
      { published: true, municipality: 'apos' },
    );
    const out = await exportTables(db.kysely, {
      municipality: 'apos',
      planYear: 2023,
      format: 'xlsx',
      audience: { includeDrafts: true },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(out.body as Uint8Array).buffer);
    const names = workbook.worksheets.map((w) => w.name).sort();
    assert.deepEqual(names, ['企画'.repeat(15), '総務部'].sort());
  });
});
