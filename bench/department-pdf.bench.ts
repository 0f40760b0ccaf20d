/**
 * A department's 一覧表 as PDF from `mokuhyo serve` (SQLite demo, compiled build): the first request, which
 * renders it (Chromium), then the same again (from the page cache); ten simultaneous requests for one PDF
 * after a publication change (one render, shared); ten simultaneous requests for ten different PDFs (the
 * bounded render queue). Every request must be answered 200 with a PDF.
 * Usage: npm run build && npx tsx bench/department-pdf.bench.ts [--source]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServe } from '../e2e/serve-harness.ts';

const { values } = parseArgs({ options: { source: { type: 'boolean', default: false } } });
const built = !values.source;
if (built && !existsSync('dist/cli/main.js')) {
  console.error('dist/ is missing: run `npm run build` first (or pass --source to run through tsx)');
  process.exit(1);
}
const cli = built ? ['bin/mokuhyo.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
const load1 = () => `load ${loadavg()[0]?.toFixed(2)}`;

interface Answer {
  status: number;
  ms: number;
  pdf: boolean;
}

async function get(url: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url);
  const body = new Uint8Array(await res.arrayBuffer());
  const pdf = body.length > 4 && String.fromCharCode(...body.subarray(0, 4)) === '%PDF';
  return { status: res.status, ms: performance.now() - started, pdf };
}

function summary(label: string, answers: Answer[]): void {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const ok = answers.filter((a) => a.status === 200 && a.pdf).length;
  const statuses = [...new Set(answers.map((a) => a.status))].join('/');
  console.log(
    `${label.padEnd(46)} ${ok}/${answers.length} PDFs (status ${statuses}); fastest ${ms[0]?.toFixed(0)} ms, slowest ${ms[ms.length - 1]?.toFixed(0)} ms; ${load1()}`,
  );
}

/** An audited change of the city (a new account): a new publication version, so every PDF renders again. */
async function change(database: string, login: string): Promise<void> {
  const add = spawn(
    process.execPath,
    [...cli, 'user', 'add', login, '--role', 'viewer', '--password-stdin'],
    {
      env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'warn' },
    },
  );
  add.stdin.end('bench-password-0123');
  await new Promise((resolve) => add.on('close', resolve));
  // The CLI is another process, like another app server: the server sees its change within a second.
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

const dir = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
const database = `sqlite:${join(dir, 'bench.sqlite')}`;
const server = await startServe({ DATABASE_URL: database }, [], { built });
try {
  const index = await (await fetch(`${server.url}/m/minatodai`)).text();
  const pages = [...new Set([...index.matchAll(/href="(\/m\/minatodai\/d\/\d+\/\d{4})"/g)].map((m) => m[1]))];
  if (pages.length === 0) throw new Error('no department page on the demo index');
  const pdfUrl = (path: string | undefined) => `${server.url}${path}.pdf`;
  console.log(
    `server ${built ? 'node bin/mokuhyo.js (dist/)' : 'tsx src/cli/main.ts'}; ${pages.length} department pages`,
  );

  summary('first request (rendered)', [await get(pdfUrl(pages[0]))]);
  summary('same PDF again (cached)', [await get(pdfUrl(pages[0]))]);
  const cached: Answer[] = [];
  for (let i = 0; i < 20; i++) cached.push(await get(pdfUrl(pages[0])));
  summary('twenty more, one after another (cached)', cached);

  await change(database, 'bench-viewer-1');
  summary(
    'ten at once, one PDF, after a change',
    await Promise.all(Array.from({ length: 10 }, () => get(pdfUrl(pages[0])))),
  );
  await change(database, 'bench-viewer-2');
  const ten = Array.from({ length: 10 }, (_, i) => pages[i % pages.length]);
  summary(
    `ten at once, ${new Set(ten).size} different PDFs, after a change`,
    await Promise.all(ten.map((p) => get(pdfUrl(p)))),
  );
} finally {
  await server.stop();
}
