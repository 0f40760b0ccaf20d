import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../../errors.ts';
import { tablesOf } from '../../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../../exporters/xlsx/write-workbook.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { farCellWorkbook, zipBombWorkbook } from '../../test-support/pathological-inputs.ts';
import { readSourceAsync } from '../read-source.ts';
import { assertWorkbookBounds, WORKBOOK_LIMITS } from './workbook-bounds.ts';

async function refusal(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  await assert.rejects(readSourceAsync('big.xlsx', bytes), (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'IMPORT_TOO_COMPLEX');
    assert.equal(error.location.file, 'big.xlsx');
    assert.match(error.message, pattern);
    assert.match(error.message, /delete unused rows and columns/);
    return true;
  });
}

/** The exporter's workbook with sheet1 edited. */
async function withSheet(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await writeWorkbook(tablesOf(makeDocument())));
  const path = 'xl/worksheets/sheet1.xml';
  zip.file(path, edit((await zip.file(path)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('workbook bounds', () => {
  it('the exporter’s own workbooks pass', async () => {
    const bytes = await writeWorkbook(tablesOf(makeDocument()));
    assert.doesNotThrow(() => assertWorkbookBounds(bytes));
    assert.equal((await readSourceAsync('ok.xlsx', bytes)).documents.length, 1);
  });

  it('a cell at XFD1000000 is refused before ExcelJS creates a million rows', {
    timeout: 20_000,
  }, async () => {
    await refusal(await farCellWorkbook(), /row|XFD1000000/);
  });

  it('a 1.5 GB zip bomb is refused from its directory', { timeout: 20_000 }, async () => {
    await refusal(await zipBombWorkbook(), /1501 MB once unpacked \(limit 64 MB\)/);
  });

  it('a directory that understates the size is caught while inflating', async () => {
    const bomb = await zipBombWorkbook(80);
    // Rewrite every declared uncompressed size (central directory) to 1 byte.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let at = 0; at + 46 <= bomb.byteLength; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1, true);
    }
    await refusal(bomb, /more once unpacked/);
  });

  it('a column past the limit, a far merge and a whole-column validation are refused', async () => {
    await refusal(
      await withSheet((xml) =>
        xml.replace('</sheetData>', '<row r="30"><c r="BZ30"><v>1</v></c></row></sheetData>'),
      ),
      /BZ30/,
    );
    await refusal(
      await withSheet((xml) =>
        xml.replace(
          '</sheetData>',
          '</sheetData><mergeCells count="1"><mergeCell ref="A1:E90000"/></mergeCells>',
        ),
      ),
      /E90000 in <mergeCell>/,
    );
    await refusal(
      await withSheet((xml) =>
        xml.replace(
          '</sheetData>',
          '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="C:C"><formula1>"a"</formula1></dataValidation></dataValidations>',
        ),
      ),
      /C in <dataValidation>/,
    );
  });

  it('cells without references count from their row', async () => {
    const row = `<row>${'<c><v>1</v></c>'.repeat(70)}</row>`;
    await refusal(
      await withSheet((xml) => xml.replace('</sheetData>', `${row}</sheetData>`)),
      /limit 20000 rows, 64 columns/,
    );
  });

  it('too many cells or entries are refused', async () => {
    const rows = Array.from(
      { length: 10 },
      (_, r) => `<row r="${r + 100}">${'<c><v>1</v></c>'.repeat(30)}</row>`,
    );
    const bytes = await withSheet((xml) => xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    assert.throws(
      () => assertWorkbookBounds(bytes, { ...WORKBOOK_LIMITS, cells: 250 }),
      (e: unknown) => e instanceof AppError && /more than 250 cells/.test(e.message),
    );
    assert.throws(
      () => assertWorkbookBounds(bytes, { ...WORKBOOK_LIMITS, entries: 3 }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'IMPORT_TOO_COMPLEX' &&
        /files inside \(limit 3\)/.test(e.message),
    );
  });

  it('a damaged directory is not a workbook', () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from('PK\x03\x04'), deflateRawSync(Buffer.alloc(100))]),
    );
    assert.throws(
      () => assertWorkbookBounds(bytes),
      (e: unknown) => e instanceof AppError && e.code === 'NOT_A_DOCUMENT',
    );
  });
});
