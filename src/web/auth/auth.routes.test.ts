import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../../domain/auth/actor.ts';
import { createUser } from '../../domain/auth/user.service.ts';
import { insertMunicipality } from '../../domain/municipalities/municipality.repo.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../app.tsx';
import { safeNext } from './auth.routes.tsx';

let db: TestDb;
let app: ReturnType<typeof createApp>;
const password = 'staff-password-123';

before(async () => {
  db = await createTestDb();
  const m = await insertMunicipality(db.kysely, { code: 'web', name: 'ウェブ市' });
  await createUser(db.kysely, systemActor(m.id), { login: 'kikaku', password, role: 'planning' });
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

/** A tiny cookie jar: enough to follow one browser through the login flow. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, value] = (pair ?? '').split('=');
        if (name) cookies.set(name, value ?? '');
      }
    },
  };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

test('login needs the CSRF token, refuses wrong passwords generically, then opens the staff menu', async () => {
  const browser = jar();
  const form = await app.request('/login');
  browser.take(form);
  const token = csrfOf(await form.text());
  assert.ok(token);
  const post = (body: Record<string, string>) =>
    app.request('/login', {
      method: 'POST',
      headers: { cookie: browser.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });

  assert.equal((await post({ login: 'kikaku', password })).status, 403, 'no token: refused');
  const wrong = await post({ _csrf: token, login: 'kikaku', password: 'not-the-password' });
  assert.equal(wrong.status, 401);
  assert.match(await wrong.text(), /ログインIDまたはパスワードが正しくありません/);

  const ok = await post({ _csrf: token, login: 'kikaku', password, next: '//evil.example/' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/staff', 'an off-site next is ignored');
  const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('mokuhyo_session='));
  assert.match(cookie ?? '', /HttpOnly/);
  assert.match(cookie ?? '', /SameSite=Lax/);
  browser.take(ok);

  const menu = await app.request('/staff', { headers: { cookie: browser.header() } });
  assert.equal(menu.status, 200);
  const html = await menu.text();
  assert.match(html, /kikaku/);

  const logoutWithout = await app.request('/logout', {
    method: 'POST',
    headers: { cookie: browser.header() },
  });
  assert.equal(logoutWithout.status, 403);
  const logout = await app.request('/logout', {
    method: 'POST',
    headers: { cookie: browser.header(), 'x-csrf-token': csrfOf(html) },
  });
  assert.equal(logout.status, 303);
  browser.take(logout);
  const after = await app.request('/staff', { headers: { cookie: browser.header() } });
  assert.equal(after.status, 302);
  assert.match(after.headers.get('location') ?? '', /^\/login\?next=/);
});

test('safeNext keeps only same-site paths', () => {
  assert.equal(safeNext('/staff/goals?x=1'), '/staff/goals?x=1');
  assert.equal(safeNext('//evil.example'), '/staff');
  assert.equal(safeNext('https://evil.example'), '/staff');
  assert.equal(safeNext('/\\evil'), '/staff');
});

test('safeNext refuses control characters and backslashes, raw or percent-encoded', () => {
  for (const c of ['\t', '\n', '\r', '\v', '\0', '\x7f']) {
    assert.equal(safeNext(`/${c}/127.0.0.1:3302/phish`), '/staff');
    assert.equal(safeNext(`/${encodeURIComponent(c)}/127.0.0.1:3302/phish`), '/staff');
  }
  assert.equal(safeNext('/%5C%5Cevil'), '/staff');
  assert.equal(safeNext('/%2F%2Fevil'), '/staff');
  assert.equal(safeNext('/%E0%A4%A'), '/staff', 'a broken escape');
  assert.equal(safeNext('/\uD800'), '/staff', 'a lone surrogate');
  assert.equal(safeNext('/staff/検索?q=市'), '/staff/%E6%A4%9C%E7%B4%A2?q=%E5%B8%82');
});

test('after signing in, next=/<control>/host leads to a local page, never to another host or a 500', async () => {
  for (const c of ['%09', '%0A', '%0D', '%0B', '%00']) {
    const browser = jar();
    const next = `%2F${c}%2F127.0.0.1:3302%2Fphish`;
    const form = await app.request(`/login?next=${next}`);
    browser.take(form);
    const html = await form.text();
    const hidden = /name="next" value="([^"]*)"/.exec(html)?.[1];
    assert.ok(hidden !== undefined, 'the form carries next');
    const res = await app.request('/login', {
      method: 'POST',
      headers: { cookie: browser.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrfOf(html),
        login: 'kikaku',
        password,
        next: decodeURIComponent(next),
      }).toString(),
    });
    assert.equal(res.status, 303, `next with ${c}`);
    assert.equal(res.headers.get('location'), '/staff', `next with ${c}`);
  }
});
