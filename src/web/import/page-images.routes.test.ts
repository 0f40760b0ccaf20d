import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { insertDepartment } from '../../domain/departments/department.repo.ts';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { makeDocument } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

const seedPdf = new Uint8Array(
  readFileSync(new URL('../../importer/pdf/fixtures/seed.pdf', import.meta.url)),
);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const timeout = 240_000;

let db: TestDb;
let app: ReturnType<typeof createApp>;
let editor: TestUser;
let otherEditor: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'pages', name: '頁市' });
  const own = await insertDepartment(db.kysely, {
    municipalityId: m.id,
    parentId: null,
    name: '頁甲部',
    displayOrder: 1,
  });
  const other = await insertDepartment(db.kysely, {
    municipalityId: m.id,
    parentId: null,
    name: '頁乙部',
    displayOrder: 2,
  });
  editor = await makeUser(db.kysely, m.id, 'editor', own.id);
  otherEditor = await makeUser(db.kysely, m.id, 'editor', other.id);
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function upload(user: TestUser, files: [string, Uint8Array<ArrayBuffer> | string, string][]) {
  const form = await (await app.request('/staff/import', { headers: { cookie: user.cookie } })).text();
  const body = new FormData();
  body.set('_csrf', csrfFrom(form));
  for (const [name, bytes, type] of files) body.append('file', new File([bytes], name, { type }));
  return app.request('/staff/import', { method: 'POST', body, headers: { cookie: user.cookie } });
}

const imagesIn = (html: string) =>
  [...html.matchAll(/<img src="(\/staff\/import\/[\w-]+\/pages\/\d+)" alt="([^"]+)"/g)].map((m) => ({
    src: m[1] ?? '',
    alt: m[2] ?? '',
  }));

test('a PDF upload: its pages beside the table, each image only for the uploader', { timeout }, async () => {
  const staged = await upload(editor, [['seed.pdf', seedPdf, 'application/pdf']]);
  assert.equal(staged.status, 303);
  const preview = await app.request(staged.headers.get('location') ?? '', {
    headers: { cookie: editor.cookie },
  });
  assert.equal(preview.status, 200);
  const html = await preview.text();
  const images = imagesIn(html);
  assert.deepEqual(
    images.map((i) => i.alt),
    [1, 2, 3, 4, 5].map((n) => `取り込んだPDFの${n}ページ目`),
  );
  assert.match(html, /class="import-compare"/);
  assert.match(html, /2ページ目（画像を押すと拡大して開きます）/);

  const first = images[1]?.src ?? '';
  const image = await app.request(first, { headers: { cookie: editor.cookie } });
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/png');
  assert.equal(image.headers.get('cache-control'), 'private, no-store');
  const png = Buffer.from(await image.arrayBuffer());
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);

  // Another department's editor, signed in, and nobody signed in: not found / sign-in, never the image.
  const stranger = await app.request(first, { headers: { cookie: otherEditor.cookie } });
  assert.equal(stranger.status, 404);
  assert.equal(stranger.headers.get('content-type')?.startsWith('image/'), false);
  assert.match(await stranger.text(), /取り込み待ちのファイルが見つかりません/);
  const anonymous = await app.request(first);
  assert.notEqual(anonymous.status, 200);

  const pastTheEnd = await app.request(first.replace(/\/2$/, '/9'), { headers: { cookie: editor.cookie } });
  assert.equal(pastTheEnd.status, 404);
  assert.match(await pastTheEnd.text(), /このページの画像はありません/);
});

test('several files: the PDF shows its pages, the JSON file shows only its table', { timeout }, async () => {
  const json = JSON.stringify(makeDocument({ department: '頁甲部', planYear: 2024 }));
  const page = await upload(editor, [
    ['seed.pdf', seedPdf, 'application/pdf'],
    ['a.json', json, 'application/json'],
  ]);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.equal(imagesIn(html).length, 5);
  assert.equal((html.match(/class="import-compare"/g) ?? []).length, 1);
  assert.match(html, /<h3>元のPDF<\/h3>/);
});

test('a JSON upload previews as before: no page images', { timeout }, async () => {
  const json = JSON.stringify(makeDocument({ department: '頁甲部', planYear: 2024 }));
  const staged = await upload(editor, [['a.json', json, 'application/json']]);
  assert.equal(staged.status, 303);
  const token = (staged.headers.get('location') ?? '').split('/').pop() ?? '';
  const html = await (
    await app.request(`/staff/import/${token}`, { headers: { cookie: editor.cookie } })
  ).text();
  assert.equal(imagesIn(html).length, 0);
  const image = await app.request(`/staff/import/${token}/pages/1`, { headers: { cookie: editor.cookie } });
  assert.equal(image.status, 404);
});
