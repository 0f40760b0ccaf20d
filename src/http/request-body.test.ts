import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { logger } from '../logger.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../test-support/users.ts';
import { createApp } from '../web/app.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
let planning: TestUser;

const MiB = 1024 * 1024;

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'body', name: '本文市' });
  planning = await makeUser(db.kysely, m.id, 'planning');
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

/** A body that counts how much of it the server pulled. */
function countedBody(total: number, chunk = 64 * 1024) {
  const seen = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const n = Math.min(chunk, total - sent);
        sent += n;
        seen.bytes += n;
        controller.enqueue(new Uint8Array(n).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

test('an anonymous 5 MB form post declaring its length is refused 413 without a byte being read', async () => {
  const { stream, seen } = countedBody(5 * 1000 * 1000);
  const res = await app.request('/login', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(5 * 1000 * 1000),
      accept: 'application/json',
    },
  } as RequestInit);
  assert.equal(res.status, 413);
  assert.equal(await errorCode(res), 'PAYLOAD_TOO_LARGE');
  assert.equal(seen.bytes, 0, 'nothing was read, let alone parsed');
});

test('an anonymous 5 MB chunked post is cut off at the limit while it streams', async () => {
  const { stream, seen } = countedBody(5 * 1000 * 1000);
  const res = await app.request('/staff/editor', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  } as RequestInit);
  assert.equal(res.status, 413);
  const html = await res.text();
  assert.match(html, /大きすぎます/, 'a Japanese page that says what to do');
  assert.ok(seen.bytes <= MiB + 2 * 64 * 1024, `read ${seen.bytes} bytes of 5 MB`);
});

test('a stranger may not send an upload-sized body: signed out, the upload routes keep the general limit', async () => {
  for (const path of ['/api/imports', '/staff/import']) {
    const { stream, seen } = countedBody(5 * 1000 * 1000);
    const res = await app.request(path, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'application/json' },
    } as RequestInit);
    assert.equal(res.status, 413, path);
    assert.equal(await errorCode(res), 'PAYLOAD_TOO_LARGE');
    assert.ok(seen.bytes <= MiB + 2 * 64 * 1024, `${path}: read ${seen.bytes} bytes of 5 MB`);
  }
});

test('an upload over 20 MiB is refused 413 on both upload routes; the general limit does not apply to them', async () => {
  const big = () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(20 * MiB + 1)], 'big.txt', { type: 'text/plain' }));
    return form;
  };
  const me = await app.request('/api/me', { headers: { cookie: planning.cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const api = await app.request('/api/imports', {
    method: 'POST',
    body: big(),
    headers: { cookie: planning.cookie, 'x-csrf-token': csrfToken },
  });
  assert.equal(api.status, 413);
  assert.equal(await errorCode(api), 'PAYLOAD_TOO_LARGE');
  const web = await app.request('/staff/import', {
    method: 'POST',
    body: big(),
    headers: { cookie: planning.cookie, 'x-csrf-token': csrfToken },
  });
  assert.equal(web.status, 413);
  assert.match(await web.text(), /20 MB まで/);
});

test('a 2 MB upload (over the general limit, under the upload limit) still imports', async () => {
  const doc = {
    department: '本文部',
    review: { fiscalYear: 2022, goals: [] },
    plan: {
      fiscalYear: 2023,
      goals: [{ no: 1, title: '目標', items: [{ no: 1, text: '取組', target: '10回以上' }] }],
    },
    warnings: [],
  };
  const bytes = `${JSON.stringify(doc)}${' '.repeat(2 * 1000 * 1000)}`;
  const page = await app.request('/staff/import', { headers: { cookie: planning.cookie } });
  const form = new FormData();
  form.set('_csrf', csrfFrom(await page.text()));
  form.set('file', new File([bytes], 'doc.json', { type: 'application/json' }));
  const res = await app.request('/staff/import', {
    method: 'POST',
    body: form,
    headers: { cookie: planning.cookie },
  });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /^\/staff\/import\/[\w-]+$/);
});

const B = 'xYzBoundary';
const part = (headers: string, body: string) => `--${B}\r\n${headers}\r\n\r\n${body}\r\n`;
const closed = (headers: string, body: string) => `${part(headers, body)}--${B}--\r\n`;
const malformed: Array<[string, string, string]> = [
  ['no boundary', 'multipart/form-data', closed('Content-Disposition: form-data; name="a"', 'x')],
  [
    'a wrong boundary',
    'multipart/form-data; boundary=other',
    closed('Content-Disposition: form-data; name="a"', 'x'),
  ],
  [
    'no closing boundary',
    `multipart/form-data; boundary=${B}`,
    part('Content-Disposition: form-data; name="a"', 'x'),
  ],
  [
    'an unescaped quote in the filename',
    `multipart/form-data; boundary=${B}`,
    part('Content-Disposition: form-data; name="file"; filename="a"b.txt"\r\nContent-Type: text/plain', 'x') +
      `--${B}--\r\n`,
  ],
];

/** Captures what the logger writes at warn and error while `run` runs. */
async function logged(run: () => Promise<void>) {
  const lines: Array<{ level: string; entry: unknown }> = [];
  const warn = logger.warn;
  const error = logger.error;
  logger.warn = ((entry: unknown) => lines.push({ level: 'warn', entry })) as typeof logger.warn;
  logger.error = ((entry: unknown) => lines.push({ level: 'error', entry })) as typeof logger.error;
  try {
    await run();
  } finally {
    logger.warn = warn;
    logger.error = error;
  }
  return lines;
}

for (const [name, type, body] of malformed) {
  test(`multipart with ${name} answers 400 MALFORMED_BODY, anonymously and signed in, logged at warn`, async () => {
    const lines = await logged(async () => {
      const anonymous = await app.request('/staff/import', {
        method: 'POST',
        body,
        headers: { 'content-type': type },
      });
      assert.equal(anonymous.status, 400, 'anonymous');
      assert.match(await anonymous.text(), /読み取れませんでした/);
      const page = await app.request('/staff/import', { headers: { cookie: planning.cookie } });
      const token = csrfFrom(await page.text());
      const signedIn = await app.request('/staff/import', {
        method: 'POST',
        body,
        headers: { 'content-type': type, cookie: planning.cookie, 'x-csrf-token': token },
      });
      assert.equal(signedIn.status, 400, 'signed in, past the CSRF check');
      const api = await app.request('/api/imports', {
        method: 'POST',
        body,
        headers: { 'content-type': type, cookie: planning.cookie, 'x-csrf-token': token },
      });
      assert.equal(api.status, 400, 'API');
      assert.equal(await errorCode(api), 'MALFORMED_BODY');
    });
    assert.deepEqual(
      lines.map((l) => l.level),
      ['warn', 'warn', 'warn'],
      'one warning per request, no error',
    );
    for (const line of lines) assert.ok(!('err' in (line.entry as object)), 'no stack trace');
  });
}
