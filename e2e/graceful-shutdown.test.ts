import assert from 'node:assert/strict';
import { Agent, type IncomingMessage, request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
import { startServe } from './serve-harness.ts';

/** SIGTERM (systemd stop, a deploy): stop accepting, let requests in flight finish, close the pool, exit 0. */

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

function refused(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A POST /login whose body arrives in two parts: in flight on the server until the second is sent. */
function slowLogin(port: number, csrf: { cookie: string; token: string }) {
  const body = new URLSearchParams({
    _csrf: csrf.token,
    login: 'nobody',
    password: 'wrong-password',
  }).toString();
  const half = Math.floor(body.length / 2);
  let answer: (r: { status: number; text: string }) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  const req = request(
    {
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/login',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
        cookie: csrf.cookie,
      },
    },
    (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => answer({ status: res.statusCode ?? 0, text }));
      res.on('error', fail);
    },
  );
  req.on('error', fail);
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

/** The login form through a keep-alive agent: its connection stays open and idle afterwards. */
async function loginForm(port: number, agent: Agent): Promise<{ cookie: string; token: string }> {
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    request({ host: '127.0.0.1', port, path: '/login', agent }, resolve).on('error', reject).end(),
  );
  let html = '';
  for await (const chunk of res) html += chunk;
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the login form carries a CSRF token');
  const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, token };
}

test('SIGTERM: a slow request in flight completes, new connections are refused, the process exits 0', async () => {
  const server = await startServe({ DATABASE_URL: db.url, MOKUHYO_DEMO: '0' });
  const agent = new Agent({ keepAlive: true });
  try {
    assert.equal(new URL(server.url).hostname, '127.0.0.1', 'serve --host names the interface');
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (lan) assert.equal(await refused(server.port, lan), 'ECONNREFUSED', `not listening on ${lan}`);
    const csrf = await loginForm(server.port, agent);
    const slow = slowLogin(server.port, csrf);
    await sleep(300);
    server.child.kill('SIGTERM');
    await server.waitForLog(/^no longer accepting connections/);
    assert.equal(await refused(server.port), 'ECONNREFUSED', 'no new connections once stopping');
    assert.equal(server.child.exitCode, null, 'still running while a request is in flight');
    await sleep(1000);
    slow.finish();
    const res = await slow.response;
    assert.equal(res.status, 401, 'the request in flight got its real answer');
    assert.match(res.text, /ログインIDまたはパスワードが正しくありません/);
    const finishedAt = Date.now();
    assert.equal(await server.exited, 0);
    assert.ok(
      Date.now() - finishedAt < 3000,
      'an idle keep-alive connection does not hold the exit back until its timeout',
    );
    assert.ok(server.logs.some((l) => l.msg === 'stopped'));
  } finally {
    agent.destroy();
    await server.stop();
  }
});

test('SIGTERM: a request still running after the grace period (here 2 s) is cut, and the process still exits 0', async () => {
  const server = await startServe({
    DATABASE_URL: db.url,
    MOKUHYO_DEMO: '0',
    MOKUHYO_SHUTDOWN_GRACE_MS: '2000',
  });
  const agent = new Agent({ keepAlive: true });
  try {
    const csrf = await loginForm(server.port, agent);
    const stuck = slowLogin(server.port, csrf);
    const outcome = stuck.response.then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code ?? error.message,
    );
    await sleep(300);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    const took = Date.now() - signalledAt;
    assert.ok(took >= 1_900 && took < 7_000, `waited out the grace period, not more (${took} ms)`);
    assert.equal(await outcome, 'ECONNRESET', 'the stuck request was cut');
    assert.ok(server.logs.some((l) => /grace period/.test(String(l.msg)) && l.graceMs === 2000));
  } finally {
    agent.destroy();
    await server.stop();
  }
});
