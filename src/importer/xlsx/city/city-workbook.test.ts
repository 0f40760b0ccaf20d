import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import seed from '../../../../../shared/seeds/000_e224602d88f71594.expected.json' with { type: 'json' };
import { AppError } from '../../../errors.ts';
import {
  type CityForm,
  colonForm,
  labelForm,
  type SeedItem,
  variantForm,
} from '../../../test-support/city-workbook.ts';
import { assertSameDocument, expectedOf } from '../../pdf/same-document.testkit.ts';
import { readSourceAsync } from '../../read-source.ts';

interface SeedSide {
  fiscalYear: number;
  goals: Array<{
    no: number;
    title: string;
    items: Array<Record<string, unknown> & { no: number; text: string }>;
  }>;
}
const firstItems = (side: SeedSide, note: 'achievement' | 'target'): SeedItem[] =>
  (side.goals[0]?.items ?? []).slice(0, 3).map((i) => ({ no: i.no, text: i.text, note: String(i[note]) }));
const content: CityForm = {
  review: firstItems(seed.review as SeedSide, 'achievement'),
  plan: firstItems(seed.plan as SeedSide, 'target'),
};
/** The seed's expected goal 1, three items a side, quantities aside (they are tested with the text reader). */
function expectedSide(side: SeedSide) {
  const goal = side.goals[0];
  assert.ok(goal);
  return {
    fiscalYear: side.fiscalYear,
    goals: [
      { no: goal.no, title: goal.title, items: goal.items.slice(0, 3).map(({ quantities: _q, ...i }) => i) },
    ],
  };
}
const withoutQuantities = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (k, v) => (k === 'quantities' ? undefined : v)));

describe('a city-made workbook', () => {
  for (const [name, build] of [
    ['label form (table on sheet 2, merged 番号, full-width years)', labelForm],
    ['colon form (重点目標：title merged, notes by circled number)', colonForm],
  ] as const) {
    it(`reads the ${name} to the seed's document`, async () => {
      const source = await readSourceAsync('city.xlsx', await build(content));
      assert.equal(source.format, 'xlsx');
      assert.equal(source.documents.length, 1);
      const doc = withoutQuantities(source.documents[0]);
      assert.equal(doc.department, seed.department);
      assert.deepEqual(doc.review, expectedSide(seed.review as SeedSide));
      assert.deepEqual(doc.plan, expectedSide(seed.plan as SeedSide));
      assert.deepEqual(doc.warnings, []);
    });
  }

  it('extracts quantities from the notes as every format does', async () => {
    const [doc] = (await readSourceAsync('city.xlsx', await labelForm(content))).documents;
    const target = doc?.plan.goals[0]?.items[1];
    assert.deepEqual(
      target?.quantities?.map((q) => [q.value, q.unit]),
      [
        [2, '回'],
        [2, '回'],
      ],
    );
  });

  it('reads 平成30年度 beside 令和元年度', async () => {
    const [doc] = (await readSourceAsync('city.xlsx', await colonForm(content, ['平成30年度', '令和元年度'])))
      .documents;
    assert.equal(doc?.review.fiscalYear, 2018);
    assert.equal(doc?.plan.fiscalYear, 2019);
  });

  it('refuses years that do not follow each other, naming the sheet and row', async () => {
    const bytes = await colonForm(content, ['令和3年度', '令和5年度']);
    await assert.rejects(readSourceAsync('city.xlsx', bytes), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'NOT_A_DOCUMENT');
      assert.match(error.message, /plan year 令和5年度 must follow the review year 令和3年度/);
      assert.deepEqual(error.location, { file: 'city.xlsx', line: 2, field: 'Sheet1' });
      return true;
    });
  });

  it('keeps a note whose circled number has no item and warns naming the sheet row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await labelForm(content)).buffer);
    const ws = workbook.getWorksheet('一覧表');
    assert.ok(ws);
    ws.getCell('D9').value = `${String(ws.getCell('D9').value)}\n⑤ 追加の報告`;
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [doc] = (await readSourceAsync('city.xlsx', edited)).documents;
    assert.ok(JSON.stringify(doc?.review).includes('追加の報告'), 'the note is kept');
    assert.equal(doc?.warnings.length, 1);
    assert.equal(doc?.warnings[0]?.line, 9);
  });
});

describe('form variants in a city workbook', () => {
  it('reads units above ①, a (2) row, notes in a merged cell, an empty review half and the three title forms', async () => {
    const source = await readSourceAsync('city.xlsx', await variantForm());
    const [doc] = source.documents;
    assert.ok(doc);
    assertSameDocument(doc, expectedOf('variant-label'));
    assert.deepEqual(doc.warnings, []);
  });
});
