import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { WARNINGS_SHEET } from '../../spreadsheet/layout.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { loadTables } from '../export.service.ts';
import { seedDocument, tablesOf } from './test-tables.ts';
import { writeWorkbook } from './write-workbook.ts';
import { readZipEntry } from './zip-entry.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  assert.ok(ws, `sheet ${name}`);
  return ws;
}

describe('writeWorkbook: the seed in the official form', () => {
  let seed: IchiranDocument;
  let ws: ExcelJS.Worksheet;
  let workbook: ExcelJS.Workbook;
  const now = new Date('2024-05-01T00:00:00Z');
  before(async () => {
    seed = await seedDocument();
    workbook = await load(await writeWorkbook(tablesOf(seed), { now }));
    ws = sheet(workbook, seed.department);
  });

  it('is A4 landscape, one page wide, with the header rows repeated on every page', () => {
    const setup = ws.pageSetup;
    assert.equal(setup.paperSize, 9);
    assert.equal(setup.orientation, 'landscape');
    assert.equal(setup.fitToPage, true);
    assert.equal(setup.fitToWidth, 1);
    assert.equal(setup.fitToHeight, 0);
    assert.equal(setup.printTitlesRow, '1:4');
    assert.ok((setup.margins?.left ?? 1) < 0.7, 'narrow margins');
  });

  it('writes the title, department, year headings and column headers', () => {
    assert.equal(ws.getCell('A1').value, '重点目標一覧表');
    assert.equal(ws.getCell('D2').value, '担当部局名');
    assert.equal(ws.getCell('E2').value, '市民まちづくり推進部・上田地域自治C');
    assert.equal(ws.getCell('B3').value, '【令和3年度重点目標】');
    assert.equal(ws.getCell('D3').value, '【令和4年度重点目標】');
    assert.deepEqual(
      ['A3', 'B4', 'C4', 'D4', 'E4'].map((a) => ws.getCell(a).value),
      [
        '番号',
        '具体的な重点取組項目（箇条書き）',
        '達成状況・達成度',
        '具体的な重点取組項目（箇条書き）',
        '期限・数値目標等',
      ],
    );
  });

  it('merges the title, the headings, each goal title and the row number down the goal', () => {
    const firstGoalLines = Math.max(
      seed.review.goals[0]?.items.length ?? 0,
      seed.plan.goals[0]?.items.length ?? 0,
    );
    assert.equal(firstGoalLines, 4);
    const masterOf = (address: string) => ws.getCell(address).master.address;
    assert.equal(masterOf('E1'), 'A1');
    assert.equal(masterOf('A4'), 'A3');
    assert.equal(masterOf('C3'), 'B3');
    assert.equal(masterOf('E3'), 'D3');
    assert.equal(masterOf('C5'), 'B5');
    assert.equal(masterOf('E5'), 'D5');
    assert.equal(masterOf('A9'), 'A5', 'number cell spans title row + 4 item rows');
    assert.equal(masterOf('A10'), 'A10', 'goal 2 starts its own number cell');
    assert.equal(ws.getCell('A5').value, '1');
    assert.equal(ws.getCell('A10').value, '2');
    assert.equal(ws.getCell('B5').value, '重点目標　地域内分権の確立に向けた地域主体の自治の推進');
  });

  it('numbers items and notes with circled numbers and puts the unit on a line before the item', () => {
    assert.match(String(ws.getCell('B6').value), /^① 住民自治組織の設立促進と組織運営、活動への支援 \n・ /);
    assert.match(String(ws.getCell('C6').value), /^① ・ 北部は11月設立/);
    assert.match(String(ws.getCell('D9').value), /^（豊殿、塩田、川西地域自治センター）\n④ /);
    assert.equal(ws.getCell('B9').value, '', 'review goal 1 has three items');
  });

  it('wraps Japanese text at the top of bordered cells in BIZ UDPゴシック', () => {
    for (const address of ['B6', 'C6', 'D9', 'E9', 'B5']) {
      const cell = ws.getCell(address);
      assert.equal(cell.alignment?.wrapText, true, address);
      assert.equal(cell.alignment?.vertical, 'top', address);
      assert.equal(cell.border?.top?.style, 'thin', address);
      assert.equal(cell.border?.left?.style, 'thin', address);
      assert.equal(cell.font?.name, 'BIZ UDPゴシック', address);
    }
    assert.ok(
      (ws.getRow(9).height ?? 0) > (ws.getRow(5).height ?? 0),
      'a long item row is taller than a title row',
    );
    const widths = [1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width ?? 0);
    assert.ok((widths[0] ?? 0) < 10 && (widths[1] ?? 0) > 30, `widths ${widths.join(',')}`);
  });

  it('writes only strings, in text format, and sets the workbook properties', () => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        assert.ok([ExcelJS.ValueType.String, ExcelJS.ValueType.Merge].includes(cell.type), cell.address);
        assert.equal(cell.numFmt, '@', cell.address);
      });
    });
    assert.equal(workbook.creator, 'mokuhyo');
    assert.equal(workbook.created.toISOString(), now.toISOString());
  });
});

describe('writeWorkbook: formula injection', () => {
  const hostile = [
    '=HYPERLINK("x")',
    '+1',
    '@SUM(A1)',
    '-2',
    '\t=1+1',
    '\r=1+1',
    ' =1+1',
    ' \t=1+1',
    '\n=1+1',
  ];
  const doc = makeDocument({
    department: '=HYPERLINK("x")',
    warnings: hostile.map((message) => ({ message })),
  });

  it('keeps =, +, -, @ texts (after any whitespace) as strings behind the same apostrophe as CSV', async () => {
    const bytes = await writeWorkbook(tablesOf(doc));
    const workbook = await load(bytes);
    const cells = [sheet(workbook, doc.department).getCell('E2')];
    sheet(workbook, WARNINGS_SHEET).eachRow((row, n) => {
      if (n > 1) cells.push(row.getCell(3));
    });
    // XML reads a bare CR as LF; the text is a string either way.
    assert.deepEqual(
      cells.map((c) => c.value),
      [`'${doc.department}`, ...hostile.map((h) => `'${h.replace('\r', '\n')}`)],
    );
    for (const cell of cells) {
      assert.equal(cell.type, ExcelJS.ValueType.String, cell.address);
      assert.equal(cell.formula, undefined, cell.address);
      assert.equal(cell.numFmt, '@', `${cell.address} stays text when edited`);
    }
    const table = readZipEntry(bytes, 'xl/worksheets/sheet1.xml') ?? '';
    const warnings = readZipEntry(bytes, 'xl/worksheets/sheet2.xml') ?? '';
    for (const xml of [table, warnings]) assert.doesNotMatch(xml, /<f[ >]/, 'no formula anywhere');
    assert.match(table, /<c r="E2"[^>]* t="s"/, 'E2 is a shared string');
    const messageCells = warnings.match(/<c r="C\d+"[^>]*>/g) ?? [];
    assert.equal(messageCells.length, hostile.length + 1);
    for (const c of messageCells) assert.match(c, / t="s"/, c);
  });
});

describe('writeWorkbook: the whole city', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
  });
  after(async () => db.destroy());

  it('writes one sheet per department, each in the form', async () => {
    const tables = await loadTables(db.kysely, { planYear: 2024, audience: { includeDrafts: true } });
    assert.ok(tables.length >= 4);
    const workbook = await load(await writeWorkbook(tables));
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      tables.map((t) => t.department.name),
    );
    for (const ws of workbook.worksheets) {
      assert.equal(ws.pageSetup.orientation, 'landscape', ws.name);
      assert.equal(ws.pageSetup.printTitlesRow, '1:4', ws.name);
      assert.equal(ws.getCell('B3').value, '【令和5年度重点目標】', ws.name);
      assert.equal(ws.getCell('D3').value, '【令和6年度重点目標】', ws.name);
    }
  });
});
