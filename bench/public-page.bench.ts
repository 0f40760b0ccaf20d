/**
 * The department 一覧表 at 50 connections: `mokuhyo serve` (SQLite demo, page cache on) against nginx
 * serving the same bytes from a file, with the same keep-alive client in the same run; then the first
 * render after a publish (an audited change) and the server's RSS after the load.
 * The server runs as shipped: the compiled build (`node bin/mokuhyo.js serve`; run `npm run build` first).
 * `--source` runs the TypeScript sources through tsx instead, as during development.
 * Usage: npx tsx bench/public-page.bench.ts [--seconds 10] [--connections 50] [--source]
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServe } from '../e2e/serve-harness.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    source: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const built = !values.source;
if (built && !existsSync('dist/cli/main.js')) {
  console.error('dist/ is missing: run `npm run build` first (or pass --source to run through tsx)');
  process.exit(1);
}
/** The machine's load beside every figure: other work on the same cores moves them. */
const load1 = () => `load ${loadavg()[0]?.toFixed(2)}`;

function get(agent: Agent, url: string): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const r = await get(agent, url).catch(() => ({ status: 0, bytes: 0, ms: 0 }));
        if (r.status !== 200) errors += 1;
        else times.push(r.ms);
      }
    }),
  );
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { rps: times.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

async function nginxServing(body: Buffer): Promise<{ url: string; stop: () => void }> {
  const prefix = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
  for (const dir of ['logs', 'temp', 'www']) mkdirSync(join(prefix, dir));
  writeFileSync(join(prefix, 'www', 'page.html'), body);
  // nginx's workers run as nobody: the page must be readable by them.
  for (const path of [prefix, join(prefix, 'www')]) chmodSync(path, 0o755);
  chmodSync(join(prefix, 'www', 'page.html'), 0o644);
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${prefix}/nginx.pid; error_log stderr warn;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${prefix}/temp; proxy_temp_path ${prefix}/temp;
  fastcgi_temp_path ${prefix}/temp; uwsgi_temp_path ${prefix}/temp; scgi_temp_path ${prefix}/temp;
  server { listen 127.0.0.1:${port}; root ${prefix}/www; } }`,
  );
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: 'inherit',
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { url: `http://127.0.0.1:${port}/page.html`, stop: () => child.kill('SIGTERM') };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-page-'));
const server = await startServe({ DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}` }, [], { built });
try {
  const index = await (await fetch(`${server.url}/m/minatodai`)).text();
  const path = /href="(\/m\/minatodai\/d\/\d+\/\d{4})"/.exec(index)?.[1];
  if (!path) throw new Error('no department page on the demo index');
  const pageUrl = `${server.url}${path}`;
  const body = Buffer.from(await (await fetch(pageUrl)).arrayBuffer());
  const pid = server.child.pid ?? 0;
  const idleRss = rssMb(pid);
  const nginx = await nginxServing(body);
  try {
    const before = load1();
    const app = await load(pageUrl);
    const ref = await load(nginx.url);
    console.log(
      `server ${built ? 'node bin/mokuhyo.js (dist/)' : 'tsx src/cli/main.ts'}; ${before} before, ${load1()} after`,
    );
    console.log(
      `page ${path}: ${(body.length / 1024).toFixed(1)} KB, ${connections} connections, ${seconds} s each`,
    );
    console.log(
      `mokuhyo: ${app.rps.toFixed(0)} req/s, p50 ${app.p50.toFixed(1)} ms, p99 ${app.p99.toFixed(1)} ms, errors ${app.errors}`,
    );
    console.log(
      `nginx:   ${ref.rps.toFixed(0)} req/s, p50 ${ref.p50.toFixed(1)} ms, p99 ${ref.p99.toFixed(1)} ms`,
    );
    console.log(
      `ratio mokuhyo/nginx: ${(app.rps / ref.rps).toFixed(2)}; server RSS idle ${idleRss.toFixed(0)} MB, after load ${rssMb(pid).toFixed(0)} MB`,
    );
    // First render after a publication change: a new account is an audited change of the city.
    const add = spawn(
      process.execPath,
      [
        ...(built ? ['bin/mokuhyo.js'] : ['--import', 'tsx', 'src/cli/main.ts']),
        'user',
        'add',
        'bench-viewer',
        '--role',
        'viewer',
        '--password-stdin',
      ],
      { env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, LOG_LEVEL: 'warn' } },
    );
    add.stdin.end('bench-password-0123');
    await new Promise((resolve) => add.on('close', resolve));
    // The CLI is another process, like another app server: the server sees its change within a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const agent = new Agent({ keepAlive: true });
    const first = await get(agent, pageUrl);
    const second = await get(agent, pageUrl);
    agent.destroy();
    console.log(`first render after a change: ${first.ms.toFixed(1)} ms; cached: ${second.ms.toFixed(1)} ms`);
  } finally {
    nginx.stop();
  }
} finally {
  await server.stop();
}
