import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { tablesOf } from '../../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../../exporters/xlsx/write-workbook.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { applyEdit, parsesOrRefuses, runs, textEdit } from './fuzz.testkit.ts';
import { unzip, zip } from './zip.testkit.ts';

/** ExcelJS alone takes ~50 ms to open the smallest workbook; 3 s leaves room for a loaded CI machine. */
const BUDGET_MS = 10_000;
let valid: Uint8Array;

before(async () => {
  valid = await writeWorkbook(
    tablesOf(makeDocument({ department: '総務部' }), makeDocument({ department: '財務部' })),
  );
});

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '重点目標一覧表',
    '担当部局名',
    '【令和4年度重点目標】',
    '重点目標　目標',
    '① 項目',
    '1',
    '0',
    '-1',
  ),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc
    .array(fc.record({ text: fc.string({ maxLength: 8 }) }), { maxLength: 3 })
    .map((richText) => ({ richText })),
  fc.record({ formula: fc.constant('A1'), result: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()) }),
  fc.record({ text: fc.string({ maxLength: 8 }), hyperlink: fc.constant('https://example.jp/') }),
  fc.constant({ error: '#REF!' as const }),
);
const cellEdit = fc.record({
  sheet: fc.nat(),
  row: fc.integer({ min: 1, max: 40 }),
  col: fc.integer({ min: 1, max: 8 }),
  value: cellValue,
  merge: fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), {
    nil: undefined,
  }),
});

describe('xlsx reader under fuzzing (issue 13, defect 16)', () => {
  it('a valid workbook with random cells rewritten (by ExcelJS) parses or is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cellEdit, { minLength: 1, maxLength: 12 }), async (edits) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(new Uint8Array(valid).buffer);
        for (const edit of edits) {
          const ws = workbook.worksheets[edit.sheet % workbook.worksheets.length];
          if (!ws) continue;
          ws.getCell(edit.row, edit.col).value = edit.value;
          if (edit.merge && (edit.merge[0] > 0 || edit.merge[1] > 0)) {
            try {
              ws.mergeCells(edit.row, edit.col, edit.row + edit.merge[0], edit.col + edit.merge[1]);
            } catch {
              // Overlapping merges are refused by ExcelJS itself; the workbook stays as it was.
            }
          }
        }
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        await parsesOrRefuses('edited.xlsx', bytes, BUDGET_MS);
      }),
      runs(30),
    );
  });

  it('a workbook whose XML parts are damaged (cut, slices lost or doubled, words dropped in) is refused or parses', async () => {
    const parts = [...unzip(valid)].filter(([, content]) => content.length > 0);
    const names = parts
      .map(([name]) => name)
      .filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(textEdit, { minLength: 1, maxLength: 3 }),
        async (name, edits) => {
          const damaged = parts.map(([part, content]): [string, Uint8Array | string] =>
            part === name
              ? [part, edits.reduce(applyEdit, new TextDecoder().decode(content))]
              : [part, content],
          );
          await parsesOrRefuses('damaged.xlsx', zip(damaged), BUDGET_MS);
        },
      ),
      runs(60),
    );
  });

  it('a workbook with bytes flipped or cut short is refused or parses', async () => {
    const damage = fc.oneof(
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
        .map((flips) => (bytes: Uint8Array) => {
          const copy = bytes.slice();
          for (const [at, value] of flips) copy[at % copy.length] = value;
          return copy;
        }),
      fc.nat().map((at) => (bytes: Uint8Array) => bytes.slice(0, Math.max(4, at % bytes.length))),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (apply) => {
        await parsesOrRefuses('flipped.xlsx', apply(valid), BUDGET_MS);
      }),
      runs(60),
    );
  });
});
