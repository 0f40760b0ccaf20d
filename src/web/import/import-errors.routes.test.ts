import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { tablesOf } from '../../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../../exporters/xlsx/write-workbook.ts';
import { editPart } from '../../importer/fuzz/zip.testkit.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'err', name: '誤り市' });
  planning = await makeUser(db.kysely, m.id, 'planning');
  app = createApp(db.kysely);
});
after(() => db.destroy());

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
  const alert = /<div class="form-error" role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  assert.ok(alert !== '', 'the error is shown');
  assert.doesNotMatch(
    alert,
    /not valid|not an|damaged|Cannot|richText|undefined|UTF-8 but/,
    'no English, no internals',
  );
  assert.match(alert, /もう一度取り込んでください|選んでください|使ってください/, 'says what to do next');
  return alert;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

test('a JSON syntax error names line and column in Japanese (issue 13, defect 10a)', async () => {
  const alert = await refused('table.json', utf8('{\n  "department": "総務部",\n}'));
  assert.match(alert, /JSON の書き方に誤りがあります（3行目、1文字目）/);
  assert.match(alert, /table\.json 3行目/);
});

test('a JSON quantity of 1e400 is refused naming the field (issue 13, defect 6)', async () => {
  const text = JSON.stringify(makeDocument()).replace(/"value":10\b/, '"value":1e400');
  const alert = await refused('table.json', utf8(text));
  assert.match(
    alert,
    /数値が大きすぎるか桁数が多すぎます（plan\.goals\[0\]\.items\[0\]\.quantities\[0\]\.value）/,
  );
});

test('one bad byte in a UTF-8 text names its line, and the line is shown (issue 13, defect 10c)', async () => {
  const lines = [
    '重点目標一覧表',
    '担当部局名 総務部',
    '【令和4年度重点目標】',
    '【令和5年度重点目標】',
    '説明会を開催',
  ];
  const bytes = utf8(lines.join('\n'));
  bytes[utf8(lines.slice(0, 4).join('\n')).length + 4] = 0xff;
  const alert = await refused('table.txt', bytes);
  assert.match(alert, /5行目に UTF-8 として読めないバイトがあります/);
  assert.match(alert, /<pre class="source-excerpt">説\uFFFD+会を開催<\/pre>/);
});

test('a damaged workbook names sheet and cell, never the library (issue 13, defect 10b)', async () => {
  const valid = await writeWorkbook(tablesOf(makeDocument({ department: '総務部' })));
  const damaged = editPart(valid, 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace(/<c r="C6"([^>]*) t="s"><v>\d+<\/v><\/c>/, '<c r="C6"$1 t="s"><v>999</v></c>'),
  );
  const alert = await refused('table.xlsx', damaged);
  assert.match(alert, /Excel ファイルを読み取れませんでした（シート「総務部」のセル C6）/);
  assert.doesNotMatch(alert, /source-excerpt/);
});

test('a text that is not a 一覧表 says which line, in Japanese', async () => {
  const alert = await refused('memo.txt', utf8('会議メモ\n来週の予定\n'));
  assert.match(alert, /\d+行目を一覧表として読み取れませんでした/);
});
