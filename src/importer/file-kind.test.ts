import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.ts';
import { colonForm } from '../test-support/city-workbook.ts';
import { docBytes, docxBytes, xlsBytes } from '../test-support/mistaken-files.ts';
import { mistakenKindOf } from './file-kind.ts';
import { readSource, readSourceAsync } from './read-source.ts';
import { findSoffice, sofficeConvert } from './xlsx/convert-xls.ts';

const oneItem = {
  review: [{ no: 1, text: '説明会を開催', note: '2回開催' }],
  plan: [{ no: 1, text: '説明会を開催', note: '年3回' }],
};

const refusal = async (name: string, bytes: Uint8Array, pattern: RegExp) =>
  assert.rejects(readSourceAsync(name, bytes), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.match(error.message, pattern);
    assert.equal(error.location.file, name);
    return true;
  });

describe('files picked by mistake', () => {
  it('are told apart by their bytes, not their names', async () => {
    assert.equal(mistakenKindOf(new Uint8Array()), 'empty');
    assert.equal(mistakenKindOf(docxBytes()), 'docx');
    assert.equal(mistakenKindOf(docBytes()), 'doc');
    assert.equal(mistakenKindOf(xlsBytes()), 'xls');
    assert.equal(mistakenKindOf(await colonForm(oneItem)), undefined);
    assert.equal(mistakenKindOf(new TextEncoder().encode('重点目標一覧表')), undefined);
  });

  it('an empty file, a .docx and a .doc are refused saying what they are', async () => {
    await refusal('empty.txt', new Uint8Array(), /the file is empty/);
    await refusal('table.docx', docxBytes(), /a Word document cannot be imported \(\.docx\)/);
    await refusal('table.doc', docBytes(), /a Word document cannot be imported \(\.doc\)/);
    assert.throws(() => readSource('table.xlsx', docxBytes()), /a Word document/);
  });

  it('a .xls without LibreOffice installed is refused, telling the user to save it as .xlsx', async (t) => {
    if (await findSoffice()) {
      t.skip('soffice is on PATH here: the refusal path needs a machine without LibreOffice');
      return;
    }
    await refusal('old.xls', xlsBytes(), /legacy Excel \.xls workbook cannot be read.*save it as \.xlsx/);
  });

  it('a .xls is converted by LibreOffice when soffice is on PATH', async (t) => {
    if (!(await findSoffice())) {
      t.skip('LibreOffice (soffice) is not installed on this machine');
      return;
    }
    // A real .xls needs a real producer: LibreOffice itself writes one from the city workbook.
    const soffice = await findSoffice();
    assert.ok(soffice);
    const xls = await sofficeConvert(soffice, await colonForm(oneItem), 'xlsx', 'xls');
    assert.equal(mistakenKindOf(xls), 'xls');
    const source = await readSourceAsync('old.xls', xls);
    assert.equal(source.format, 'xlsx');
    assert.equal(source.documents[0]?.review.goals[0]?.items[0]?.text, '説明会を開催');
  });
});
