import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { loadTables } from '../../exporters/export.service.ts';
import { seedDocument, tablesOf } from '../../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../../exporters/xlsx/write-workbook.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { fillQuantities } from '../../quantities/fill.ts';
import { makeDocument, makeGoal, makeItem } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { readSource, readSourceAsync } from '../read-source.ts';

async function roundTrip(...documents: IchiranDocument[]): Promise<IchiranDocument[]> {
  const source = await readSourceAsync('x.xlsx', await writeWorkbook(tablesOf(...documents)));
  assert.equal(source.format, 'xlsx');
  return source.documents;
}

/** Units, an empty review side, warnings, an empty title, orphan notes, ㊿ and beyond, typed line breaks. */
const factoryDocument = fillQuantities(
  makeDocument({
    department: '市民生活部／北部・南部地域自治センター[試行]',
    review: { fiscalYear: 2023, goals: [] },
    plan: {
      fiscalYear: 2024,
      goals: [
        makeGoal(1, [
          makeItem(1, {
            unit: '北部地域自治センター',
            text: '防犯灯の更新 ・ LED化 (1) 市道 (2) 生活道路',
            target: '年度末まで ・ 120基以上',
          }),
          makeItem(2, { unit: '南部地域自治センター', text: '', target: '2km以上' }),
          makeItem(51, { text: '(1) 項目の続き', target: '' }),
          makeItem(3, { text: 'Alt+Enterで\n改行した文' }),
        ]),
        makeGoal(2, [], ''),
        makeGoal(4, [makeItem(1, { text: '=HYPERLINK("x")', target: '+1' })], '@SUM(A1) -2'),
      ],
    },
    warnings: [
      { message: 'goal 1: target ② has no matching item', line: 6 },
      { message: 'a warning without a line' },
    ],
  }),
);

describe('readWorkbook: round trip', () => {
  it('gives back the seed exactly', async () => {
    const seed = await seedDocument();
    assert.ok(seed.warnings.length > 0, 'the seed carries warnings');
    assert.deepEqual(await roundTrip(seed), [seed]);
  });

  it('gives back a document with units, an empty review side and warnings', async () => {
    assert.deepEqual(await roundTrip(factoryDocument), [factoryDocument]);
  });

  it('gives one document per sheet, each with its own warnings', async () => {
    const other = makeDocument({ department: 'テスト部', warnings: [{ message: '別の警告', line: 3 }] });
    const same = makeDocument({ department: 'テスト部', planYear: 2020 });
    assert.deepEqual(await roundTrip(factoryDocument, other, same), [factoryDocument, other, same]);
  });
});

describe('readWorkbook: the whole city', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
  });
  after(async () => db.destroy());

  it('reads one document per department sheet', async () => {
    const tables = await loadTables(db.kysely, { planYear: 2025, audience: { includeDrafts: true } });
    const documents = await roundTrip(...tables.map((t) => t.document));
    assert.equal(documents.length, tables.length);
    assert.deepEqual(
      documents,
      tables.map((t) => fillQuantities(t.document)),
    );
  });
});

describe('readWorkbook: not a 一覧表', () => {
  async function workbookBytes(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    fill(workbook.addWorksheet('売上'));
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('rejects a random workbook with NOT_A_DOCUMENT naming the sheet and row', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.addRow(['月', '売上']);
      ws.addRow(['4月', 1200]);
    });
    await assert.rejects(readSourceAsync('sales.xlsx', bytes), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'NOT_A_DOCUMENT');
      assert.deepEqual(error.location, { file: 'sales.xlsx', line: 1, field: '売上' });
      return true;
    });
  });

  it('names the row of a goal row that is not a 重点目標', async () => {
    const bytes = await writeWorkbook(tablesOf(makeDocument()));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const ws = workbook.getWorksheet('テスト部');
    assert.ok(ws);
    ws.getCell('B5').value = '売上目標';
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    await assert.rejects(readSourceAsync('edited.xlsx', edited), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'NOT_A_DOCUMENT');
      assert.equal(error.location.line, 5);
      assert.equal(error.location.field, 'テスト部');
      return true;
    });
  });

  it('rejects a damaged archive', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await assert.rejects(readSourceAsync('broken.xlsx', bytes), { code: 'NOT_A_DOCUMENT' });
  });

  it('tells a synchronous caller to read workbooks asynchronously', async () => {
    const bytes = await writeWorkbook(tablesOf(makeDocument()));
    assert.throws(() => readSource('x.xlsx', bytes), { code: 'INVALID_INPUT' });
  });
});

describe('readWorkbook: formula-guarded cells', () => {
  it('reads back the text the exporter guarded, without the apostrophe it added', async () => {
    const notes = [' =1+1', ' \t=1+1', '\n=1+1', '-5%', "'=1", "'plain", '＝1+1'];
    const doc = fillQuantities(
      makeDocument({
        department: '@総務部',
        review: { fiscalYear: 2023, goals: [] },
        plan: {
          fiscalYear: 2024,
          goals: [
            makeGoal(
              1,
              notes.map((target, i) => makeItem(i + 1, { target })),
              '=HYPERLINK("x")',
            ),
          ],
        },
        warnings: [{ message: '+1 の行', line: 3 }],
      }),
    );
    const [back] = await roundTrip(doc);
    assert.equal(back?.department, doc.department);
    assert.deepEqual(
      back?.plan.goals[0]?.items.map((i) => i.target),
      notes,
    );
    assert.equal(back?.plan.goals[0]?.title, '=HYPERLINK("x")');
    assert.deepEqual(back?.warnings, doc.warnings);
  });
});
