import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { tablesOf } from '../../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../../exporters/xlsx/write-workbook.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { editPart, unzip, zip } from '../fuzz/zip.testkit.ts';
import { readSourceAsync } from '../read-source.ts';

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
let valid: Uint8Array;

before(async () => {
  valid = await writeWorkbook(tablesOf(makeDocument({ department: '総務部' })));
});

async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await readSourceAsync('table.xlsx', bytes);
  } catch (error) {
    assert.ok(error instanceof AppError, `an AppError, got ${String(error)}`);
    assert.doesNotMatch(error.message, /Cannot (read|set) properties|richText|undefined|TypeError/);
    assert.equal(error.location.file, 'table.xlsx');
    return error;
  }
  assert.fail('the workbook was accepted');
}

/** The cell C6 (an achievement) refers to shared string 12 in the workbook the exporter writes. */
const pointC6At = (index: string) => (xml: string) => {
  const edited = xml.replace(
    /<c r="C6"([^>]*) t="s"><v>\d+<\/v><\/c>/,
    `<c r="C6"$1 t="s"><v>${index}</v></c>`,
  );
  assert.notEqual(edited, xml, 'the cell was found');
  return edited;
};

describe('damaged workbooks end as plain errors naming sheet and cell (issue 13, defect 10b)', () => {
  it('a cell whose shared string is past the end of sharedStrings.xml (the richText crash)', async () => {
    const error = await refusal(editPart(valid, SHEET, pointC6At('999')));
    assert.equal(error.code, 'NOT_A_DOCUMENT');
    assert.deepEqual([error.location.field, error.location.cell], ['総務部', 'C6']);
    assert.match(error.describe(), /^table\.xlsx: 総務部!C6: the Excel workbook is damaged/);
    assert.ok(error.cause instanceof Error || error.cause === undefined);
  });

  it('a string cell whose index is not a number, and a workbook without its shared strings', async () => {
    assert.equal((await refusal(editPart(valid, SHEET, pointC6At('x')))).location.cell, 'C6');
    const withoutStrings = zip([...unzip(valid)].filter(([name]) => name !== STRINGS));
    assert.equal((await refusal(withoutStrings)).location.cell, 'A1');
  });

  it('a truncated or garbled worksheet, a garbled workbook part', async () => {
    for (const bytes of [
      editPart(valid, SHEET, (xml) => xml.slice(0, 1500)),
      editPart(valid, SHEET, () => 'hello'),
      editPart(valid, SHEET, (xml) => xml.replace('<row r="6"', '<row r="x"')),
      editPart(valid, 'xl/workbook.xml', () => '<x'),
      valid.slice(0, valid.length - 40),
    ]) {
      const error = await refusal(bytes);
      assert.equal(error.code, 'NOT_A_DOCUMENT');
    }
  });

  it('an empty <si/> is an empty text, not a crash', async () => {
    const emptied = editPart(valid, STRINGS, (xml) =>
      xml.replace('<si><t>達成状況・達成度</t></si>', '<si/>'),
    );
    const error = await refusal(emptied);
    assert.match(error.message, /expected "達成状況・達成度", found ""/);
  });

  it('a rich text without runs reads as empty text', async () => {
    const inline = editPart(valid, SHEET, (xml) =>
      xml.replace(/<c r="C6"([^>]*) t="s"><v>\d+<\/v><\/c>/, '<c r="C6" t="inlineStr"><is><r></r></is></c>'),
    );
    const [doc] = (await readSourceAsync('table.xlsx', inline)).documents;
    assert.equal(doc?.review.goals[0]?.items[0]?.achievement, undefined);
  });
});
