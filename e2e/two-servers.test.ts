import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Db, openDatabase, parseDatabaseUrl } from '../src/db/database.ts';
import { systemActor } from '../src/domain/auth/actor.ts';
import { createUser } from '../src/domain/auth/user.service.ts';
import { createEmptyDb, type EmptyDb } from '../src/test-support/empty-db.ts';
import { makeDocument } from '../src/test-support/factories.ts';
import { runCli } from './cli-harness.ts';
import { type Nginx, nginxSkip, startNginx } from './nginx-harness.ts';
import { type ServeProcess, startServe } from './serve-harness.ts';

/**
 * Two `mokuhyo serve` processes on one PostgreSQL behind nginx (round-robin, one worker: requests
 * strictly alternate). Every step checks which server answered (X-Upstream) and crosses over: what
 * one server did, the other must see. Nothing is sticky: the servers share only the database.
 */
const skip =
  (parseDatabaseUrl(process.env.DATABASE_URL).engine !== 'postgres' &&
    'several app servers share one PostgreSQL: set DATABASE_URL=postgres://… (a SQLite file has one server)') ||
  nginxSkip;

const PASSWORD = 'two-servers-password-1';

let empty: EmptyDb;
let db: Db;
let servers: ServeProcess[] = [];
let nginx: Nginx | undefined;
let municipalityId: number;
let somu: number;

before(async () => {
  if (skip) return;
  empty = await createEmptyDb();
  // Both start at the same moment on an empty database: migrations and the demo load race.
  const started = await Promise.allSettled(
    [0, 1].map(() => startServe({ DATABASE_URL: empty.url, TRUST_PROXY: '1', MOKUHYO_DEMO: '1' })),
  );
  servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  nginx = await startNginx(servers.map((s) => s.port));
  db = openDatabase(empty.target);
  const m = await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  municipalityId = m.id;
  somu = (
    await db.kysely
      .selectFrom('department')
      .select('id')
      .where('municipality_id', '=', m.id)
      .where('name', '=', '総務部')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow()
  ).id;
  const accounts = [
    { login: 'planning', role: 'planning' },
    { login: 'somu-editor', role: 'editor', department: '総務部' },
    { login: 'somu-approver', role: 'approver', department: '総務部' },
    { login: 'throttled', role: 'viewer' },
  ] as const;
  for (const account of accounts) {
    await createUser(db.kysely, systemActor(municipalityId), { ...account, password: PASSWORD });
  }
});

after(async () => {
  if (skip) return;
  await nginx?.stop();
  const codes = await Promise.all(servers.map((s) => s.stop()));
  await db?.destroy();
  await empty.drop();
  assert.deepEqual(codes, [0, 0], 'both servers stop cleanly on SIGTERM');
});

/** A browser's cookie jar, reduced to what these requests need. */
class Client {
  private readonly cookies = new Map<string, string>();
  /** Upstream port of every answer, in order. */
  readonly servedBy: number[] = [];

  async send(path: string, init: RequestInit = {}): Promise<Response> {
    if (!nginx) throw new Error('nginx is not running');
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(`${nginx.url}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '')
        this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    const upstream = Number(res.headers.get('x-upstream')?.split(':').pop());
    assert.ok(
      servers.some((s) => s.port === upstream),
      `answered by one of the app servers (${res.headers.get('x-upstream')})`,
    );
    this.servedBy.push(upstream);
    return res;
  }

  /** The port that served the last answer. */
  get last(): number {
    return this.servedBy[this.servedBy.length - 1] ?? 0;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async signIn(login: string, password = PASSWORD): Promise<Response> {
    const form = await this.send('/login');
    const formServer = this.last;
    const res = await this.postLogin(csrfFrom(await form.text()), login, password);
    assert.notEqual(this.last, formServer, 'the form came from one server, the sign-in went to the other');
    return res;
  }

  postLogin(csrf: string, login: string, password: string): Promise<Response> {
    return this.send('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, login, password, next: '/staff' }),
    });
  }

  /** The JSON API, with the session's CSRF token read from /api/me as a client does. */
  async api(method: string, path: string, body?: unknown): Promise<Response> {
    const me = await this.send('/api/me');
    assert.equal(me.status, 200, 'signed in');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    return this.send(`/api${path}`, {
      method,
      headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page carries a CSRF token');
  return token;
}

const planning = new Client();

test('two servers start at once on one empty database: migrations and the demo load run once', {
  skip,
}, async () => {
  const migrations = readdirSync(new URL('../src/db/migrations/', import.meta.url)).filter((n) =>
    /^\d{14}_[\w-]+\.ts$/.test(n),
  );
  const applied = await db.kysely
    .withTables<{ kysely_migration: { name: string } }>()
    .selectFrom('kysely_migration')
    .select('name')
    .execute();
  assert.equal(applied.length, migrations.length);
  const municipalities = await db.kysely.selectFrom('municipality').select('code').execute();
  assert.deepEqual(
    municipalities.map((m) => m.code),
    ['minatodai'],
  );
  const loaders = servers.filter((s) => s.logs.some((l) => l.msg === 'empty database: demo data loaded'));
  assert.equal(loaders.length, 1, 'one server loaded the demo; the other found it loaded');
});

test('sign-in on one server is a session on both', { skip }, async () => {
  const signedIn = await planning.signIn('planning');
  assert.equal(signedIn.status, 303);
  assert.equal(signedIn.headers.get('location'), '/staff');
  assert.ok(planning.cookie('mokuhyo_session'), 'the session cookie is set');
  const seen = new Set<number>();
  for (let i = 0; i < 2; i += 1) {
    const staff = await planning.send('/staff');
    assert.equal(staff.status, 200, `the staff page on server :${planning.last}`);
    assert.match(await staff.text(), /planning/);
    seen.add(planning.last);
  }
  assert.equal(seen.size, 2, 'both servers know the session');
});

test('CSRF: a token one server rendered is accepted by the other; a wrong one is refused by both', {
  skip,
}, async () => {
  const refusedBy = new Set<number>();
  for (let i = 0; i < 2; i += 1) {
    const res = await planning.send('/staff/import', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: 'not-the-token' }),
    });
    assert.equal(res.status, 403);
    refusedBy.add(planning.last);
  }
  assert.equal(refusedBy.size, 2);
  // Accepted across servers: the upload below posts a token the other server rendered.
});

test('an upload waits for confirmation in the database: uploaded on one server, previewed and confirmed on the other', {
  skip,
}, async () => {
  const document = makeDocument({ department: '二台運用テスト部', planYear: 2025 });
  const form = await planning.send('/staff/import');
  const formServer = planning.last;
  const body = new FormData();
  body.set('_csrf', csrfFrom(await form.text()));
  body.set('file', new File([JSON.stringify(document)], 'two-servers.json', { type: 'application/json' }));
  const posted = await planning.send('/staff/import', { method: 'POST', body });
  assert.notEqual(planning.last, formServer);
  assert.equal(posted.status, 303, 'the CSRF token from the other server was accepted');
  const previewUrl = posted.headers.get('location') ?? '';
  assert.match(previewUrl, /^\/staff\/import\/[\w-]+$/);
  const uploadServer = planning.last;

  const preview = await planning.send(previewUrl);
  assert.notEqual(planning.last, uploadServer, 'previewed on the other server');
  assert.equal(preview.status, 200);
  const html = await preview.text();
  assert.match(html, /二台運用テスト部/);

  const confirm = await planning.send(previewUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    // Planning loads it as published history, so that the public page below shows it.
    body: new URLSearchParams({ _csrf: csrfFrom(html), published: 'on' }),
  });
  assert.equal(confirm.status, 200);
  assert.match(await confirm.text(), /公表済みとして保存しました（新規）/);
  const confirmServer = planning.last;

  const department = await db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '二台運用テスト部')
    .executeTakeFirstOrThrow();
  const page = await planning.send(`/m/minatodai/d/${department.id}/2025`);
  assert.notEqual(planning.last, confirmServer, 'the table confirmed on one server, shown by the other');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /満足度の向上/);
});

test('reminders: `reminders send` on both hosts at once sends each reminder once', { skip }, async () => {
  // The default deadline of 目標設定 2026 is 2026-05-31: six days after --now.
  const opened = await planning.api('POST', '/years/2026/open', {});
  assert.equal(opened.status, 200, await opened.clone().text());
  const args = ['reminders', 'send', '--now', '2026-05-25T09:00:00+09:00'];
  const runs = await Promise.all([0, 1].map(() => runCli(args, { DATABASE_URL: empty.url })));
  const sent = runs.map((r) => {
    assert.equal(r.status, 0, r.stderr);
    return Number(/sent (\d+) inbox reminders/.exec(r.stdout)?.[1]);
  });
  const total = sent.reduce((a, b) => a + b, 0);
  const rows = await db.kysely
    .selectFrom('notification')
    .select(['user_id', 'department_id', 'phase', 'kind'])
    .where('kind', 'in', ['deadline_soon', 'deadline_overdue'])
    .execute();
  assert.ok(rows.length > 0, 'editors of departments with a goal-setting deadline next week are reminded');
  assert.equal(total, rows.length, 'the two runs together report what is in the inboxes');
  const keys = rows.map((r) => `${r.user_id}/${r.department_id}/${r.phase}/${r.kind}`);
  assert.equal(new Set(keys).size, keys.length, 'no one is reminded twice');
  const again = await runCli(args, { DATABASE_URL: empty.url });
  assert.match(again.stdout, /sent 0 inbox reminders/);
});

test('no stale data: what is published through one server is public on the other at once', {
  skip,
}, async () => {
  const editor = new Client();
  const approver = new Client();
  assert.equal((await editor.signIn('somu-editor')).status, 303);
  assert.equal((await approver.signIn('somu-approver')).status, 303);
  const title = '二台のサーバーで公表する重点目標';
  const created = await editor.api('POST', '/goals', {
    departmentId: somu,
    year: 2026,
    block: 'plan',
    title,
  });
  assert.equal(created.status, 201);

  const publicPage = () => planning.send(`/m/minatodai/d/${somu}/2026`);
  const before = await publicPage();
  assert.doesNotMatch(await before.text(), new RegExp(title), 'a draft is not public');

  const row = await db.kysely
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('phase_status.version')
    .where('phase_status.department_id', '=', somu)
    .where('fiscal_year.year', '=', 2026)
    .where('phase_status.phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  let version = row.version;
  const steps: Array<[Client, string]> = [
    [editor, 'submit'],
    [approver, 'approve'],
    [planning, 'accept'],
    [planning, 'publish'],
  ];
  for (const [who, action] of steps) {
    const res = await who.api('POST', `/workflow/${somu}/2026/goal_setting`, { action, version });
    assert.equal(res.status, 200, `${action}: ${await res.clone().text()}`);
    version = ((await res.json()) as { version: number }).version;
  }
  const publishedOn = planning.last;
  for (let i = 0; i < 2; i += 1) {
    const page = await publicPage();
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(title), `public on server :${planning.last}`);
  }
  assert.ok(planning.servedBy.slice(-2).some((port) => port !== publishedOn));
  const json = await planning.send(`/api/municipalities/minatodai/departments/${somu}/tables/2026`);
  assert.equal(json.status, 200);
  assert.match(await json.text(), new RegExp(title));
});

/*
 * RATE LIMIT — the contract of the login throttling kept in the database (issue 13, defect 11):
 * five failed passwords for one login from one client within 15 minutes, and the next attempt
 * answers 429 with Retry-After, whichever server it reaches. Until that throttling is merged, the
 * sixth attempt answers 401 here and this test fails.
 */
test('rate limit: five failures spread over both servers, then 429 with Retry-After from either', {
  skip,
}, async () => {
  const stranger = new Client();
  const csrf = csrfFrom(await (await stranger.send('/login')).text());
  const failedOn = new Set<number>();
  for (let i = 0; i < 5; i += 1) {
    const res = await stranger.postLogin(csrf, 'throttled', `wrong-password-${i}`);
    assert.equal(res.status, 401, `failure ${i + 1} is an ordinary refusal`);
    failedOn.add(stranger.last);
  }
  assert.equal(failedOn.size, 2, 'the failures were counted on both servers');
  const throttledOn = new Set<number>();
  for (const password of ['wrong-password-5', PASSWORD]) {
    const res = await stranger.postLogin(csrf, 'throttled', password);
    assert.equal(res.status, 429, `throttled on server :${stranger.last}`);
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60,
      'Retry-After in seconds',
    );
    throttledOn.add(stranger.last);
  }
  assert.equal(throttledOn.size, 2, 'both servers throttle, even the right password waits');
});
