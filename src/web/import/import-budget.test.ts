/** Issue 13 defect 3: uploads are parsed off the event loop and within bounds. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { farCellWorkbook, itemsInOneCell } from '../../test-support/pathological-inputs.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';
import { TOO_COMPLEX_TEXT } from './too-complex.ts';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'big', name: '大判市' });
  planning = await makeUser(db.kysely, m.id, 'planning');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

async function upload(name: string, bytes: Uint8Array) {
  const form = await app.request('/staff/import', { headers: { cookie: planning.cookie } });
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  body.set('file', new File([new Uint8Array(bytes)], name));
  return app.request('/staff/import', { method: 'POST', body, headers: { cookie: planning.cookie } });
}

test('a workbook past the bounds is refused in Japanese, naming the file', { timeout: 120_000 }, async () => {
  const res = await upload('far.xlsx', await farCellWorkbook());
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.ok(html.includes(TOO_COMPLEX_TEXT), 'says what to do, in Japanese');
  assert.match(html, /far\.xlsx/);
  assert.equal((await db.kysely.selectFrom('pending_import').select('id').execute()).length, 0);
});

test('/healthz answers while a large upload is being parsed', { timeout: 120_000 }, async () => {
  let uploaded = false;
  const posted = upload('large.txt', itemsInOneCell(150_000)).then((res) => {
    uploaded = true;
    return res;
  });
  let answeredMeanwhile = 0;
  while (!uploaded) {
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    if (!uploaded) answeredMeanwhile += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal((await posted).status, 303);
  // On the event loop the parse of 150,000 items stopped every request until it ended.
  assert.ok(answeredMeanwhile >= 10, `/healthz answered ${answeredMeanwhile} times during the upload`);
});
