import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { colonForm } from '../../test-support/city-workbook.ts';
import { docBytes, docxBytes, xlsBytes } from '../../test-support/mistaken-files.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'mis', name: '取違市' });
  planning = await makeUser(db.kysely, m.id, 'planning');
  app = createApp(db.kysely);
});
after(() => db.destroy());

/** Posts the file as the upload form does; the refusal must come back ON the form, in Japanese. */
async function refused(name: string, bytes: Uint8Array): Promise<string> {
  const form = await app.request('/staff/import', { headers: { cookie: planning.cookie } });
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  body.set('file', new File([new Uint8Array(bytes)], name));
  const res = await app.request('/staff/import', {
    method: 'POST',
    body,
    headers: { cookie: planning.cookie },
  });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<input[^>]*type="file"/, 'the upload form is shown again');
  assert.match(html, /<nav class="staff-bar"[\s\S]*対応待ち/, 'with the staff bar, as on the form before');
  const alert = /<div class="form-error" role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  assert.ok(alert !== '', 'the error is shown');
  assert.doesNotMatch(alert, /Word document|legacy|empty|must follow|no sheet/, 'no English');
  return alert;
}

test('an empty file says it is empty, on the form', async () => {
  assert.match(await refused('table.txt', new Uint8Array()), /ファイルが空です（0バイト）。/);
});

test('a .docx and a .doc say Word files cannot be imported and what to pick instead', async () => {
  for (const [name, bytes] of [
    ['table.docx', docxBytes()],
    ['table.doc', docBytes()],
  ] as const) {
    const alert = await refused(name, bytes);
    assert.match(alert, /Word の文書（\.docx・\.doc）は取り込めません。.*PDF として保存するか/);
  }
});

test('a .xls without LibreOffice says to save it as .xlsx', async (t) => {
  const { findSoffice } = await import('../../importer/xlsx/convert-xls.ts');
  if (await findSoffice()) {
    t.skip('soffice is installed here: the .xls is converted, not refused');
    return;
  }
  assert.equal(
    (await refused('old.xls', xlsBytes())).replace(/^<p><strong>old\.xls: <\/strong>|<\/p>$/g, ''),
    '.xls 形式は読み込めません。Excel で『名前を付けて保存』から .xlsx 形式で保存し直してから取り込んでください。',
  );
});

test('a workbook without a 一覧表 says what the sheet must hold', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('売上').addRow(['月', '売上']);
  const alert = await refused('sales.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  assert.match(alert, /どのシートにも重点目標一覧表が見つかりませんでした。.*「担当部局名」/);
});

test('years that do not follow each other name the sheet and row', async () => {
  const content = {
    review: [{ no: 1, text: '説明会', note: '開催' }],
    plan: [{ no: 1, text: '説明会', note: '年2回' }],
  };
  const alert = await refused('city.xlsx', await colonForm(content, ['令和3年度', '令和5年度']));
  assert.match(alert, /年度の見出しが続いた2つの年度になっていません（シート「Sheet1」の2行目）。/);
});

test('a file over the upload limit is refused on the form, not on an error page', async () => {
  const form = await app.request('/staff/import', { headers: { cookie: planning.cookie } });
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  body.set('file', new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'big.pdf'));
  const res = await app.request('/staff/import', {
    method: 'POST',
    body,
    headers: { cookie: planning.cookie },
  });
  assert.equal(res.status, 413);
  const html = await res.text();
  assert.match(html, /<input[^>]*type="file"/, 'the upload form is shown again');
  assert.match(html, /<nav class="staff-bar"[\s\S]*対応待ち/, 'with the staff bar, as on the form before');
  const alert = /<div class="form-error" role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  assert.match(alert, /ファイルが大きすぎます（20 MB まで）。ファイルを部局ごとや年度ごとに分けてから/);
});
