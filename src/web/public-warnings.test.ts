import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { exportTables } from '../exporters/export.service.ts';
import { importSources } from '../importer/import.service.ts';
import { makeDocument, sourceOf } from '../test-support/factories.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { createApp } from './app.tsx';

/** Import warnings are notes for the staff who checked the file: never part of what the public reads. */
let db: TestDb;
let app: ReturnType<typeof createApp>;
let departmentId: number;
const WARNING = 'goal 2: target numbering ② appears twice';
const shownAs = [/appears twice/, /番号②が2回出てきます/, /取り込み時/];

before(async () => {
  db = await createTestDb();
  const doc = makeDocument({
    department: '警告部',
    planYear: 2024,
    warnings: [{ message: WARNING, line: 7 }],
  });
  await importSources(db.kysely, [sourceOf(doc)], {
    municipality: { code: 'pw', name: '警告市' },
    published: true,
  });
  departmentId = (await db.kysely.selectFrom('department').select('id').executeTakeFirstOrThrow()).id;
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function workbookText(bytes: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text));
      });
    });
  });
  return cells.join('\n');
}

test('public pages, JSON, CSV, print and workbook carry no import warning', async () => {
  const base = `/m/pw/d/${departmentId}/2024`;
  const texts: Array<[string, string]> = [];
  for (const path of [
    base,
    `${base}.json`,
    `${base}/print`,
    `/api/municipalities/pw/departments/${departmentId}/tables/2024`,
    '/open-data/pw/2024/tables.json',
    `/open-data/pw/2024/${departmentId}/items.csv`,
    '/m/pw/print/2024',
  ]) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    texts.push([path, await res.text()]);
  }
  const xlsx = await app.request(`${base}.xlsx`);
  assert.equal(xlsx.status, 200);
  texts.push(['xlsx', await workbookText(await xlsx.arrayBuffer())]);
  for (const [path, text] of texts) {
    assert.match(text, /重点目標1|取組項目1の内容/, `${path} shows the table`);
    for (const pattern of shownAs) assert.doesNotMatch(text, pattern, path);
  }
  const json = JSON.parse(texts[1]?.[1] ?? '{}');
  assert.deepEqual(json.warnings, []);
});

test('staff exports keep the warnings for whoever checks the table', async () => {
  const out = await exportTables(db.kysely, {
    municipality: 'pw',
    department: '警告部',
    planYear: 2024,
    format: 'json',
    audience: { includeDrafts: true },
  });
  assert.deepEqual(JSON.parse(String(out.body)).warnings, [{ message: WARNING, line: 7 }]);
  const xlsx = await exportTables(db.kysely, {
    municipality: 'pw',
    department: '警告部',
    planYear: 2024,
    format: 'xlsx',
    audience: { includeDrafts: true },
  });
  const body = xlsx.body as Uint8Array;
  assert.match(
    await workbookText(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer),
    /appears twice/,
  );
});
