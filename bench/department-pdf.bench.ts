/**
 * A department's 一覧表 as PDF from `mokuhyo serve` (SQLite demo, compiled build): the first request, which
 * renders it (Chromium), then the same again (from the page cache); single renders after a publication
 * change (the warm browser); ten simultaneous requests for one PDF after a change (one render, shared);
 * ten simultaneous requests for ten different PDFs (the bounded render queue). Every request must be
 * answered 200 with a PDF. Under each line that rendered, the server's own timing of the render steps
 * (its debug log 'PDF printed'), medians: less sensitive to a loaded machine than the wall clock.
 * The server starts Chromium when it starts (MOKUHYO_PDF_BROWSER=start); the first request waits until it is ready, as a server's
 * first visitor would, unless --cold (ask at once: the launch counts in the first request).
 * Usage: npm run build && npx tsx bench/department-pdf.bench.ts [--source] [--cold]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServe } from '../e2e/serve-harness.ts';

const { values } = parseArgs({
  options: { source: { type: 'boolean', default: false }, cold: { type: 'boolean', default: false } },
});
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

const STEPS = ['browserMs', 'pageMs', 'contentMs', 'fontsMs', 'pdfMs'] as const;

/** The render steps the server logged since `from` (log index), as medians over the renders. */
function steps(logs: Array<Record<string, unknown>>, from: number): string {
  const printed = logs.slice(from).filter((l) => l.msg === 'PDF printed');
  if (printed.length === 0) return '';
  const median = (key: string) => {
    const values = printed.map((l) => Number(l[key])).sort((a, b) => a - b);
    return values[Math.floor((values.length - 1) / 2)] ?? 0;
  };
  const parts = STEPS.map((key) => `${key.replace(/Ms$/, '')} ${median(key)}`);
  return `\n${''.padEnd(46)}   steps (median of ${printed.length} renders, ms): ${parts.join(', ')}`;
}

function summary(label: string, answers: Answer[], rendered = ''): void {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const ok = answers.filter((a) => a.status === 200 && a.pdf).length;
  const statuses = [...new Set(answers.map((a) => a.status))].join('/');
  console.log(
    `${label.padEnd(46)} ${ok}/${answers.length} PDFs (status ${statuses}); fastest ${ms[0]?.toFixed(0)} ms, slowest ${ms[ms.length - 1]?.toFixed(0)} ms; ${load1()}${rendered}`,
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
const server = await startServe(
  { DATABASE_URL: database, LOG_LEVEL: 'debug', MOKUHYO_PDF_BROWSER: 'start' },
  [],
  { built },
);
try {
  const listening = performance.now();
  if (!values.cold) {
    await server.waitForLog(/^Chromium for PDFs is ready$/);
    console.log(`Chromium ready ${(performance.now() - listening).toFixed(0)} ms after the server listened`);
  }
  const mark = () => server.logs.length;
  // A render's log line can arrive just after its response: wait for it before reading the steps.
  const settled = () => new Promise((resolve) => setTimeout(resolve, 300));
  const index = await (await fetch(`${server.url}/m/minatodai`)).text();
  const pages = [...new Set([...index.matchAll(/href="(\/m\/minatodai\/d\/\d+\/\d{4})"/g)].map((m) => m[1]))];
  if (pages.length === 0) throw new Error('no department page on the demo index');
  const pdfUrl = (path: string | undefined) => `${server.url}${path}.pdf`;
  console.log(
    `server ${built ? 'node bin/mokuhyo.js (dist/)' : 'tsx src/cli/main.ts'}; ${pages.length} department pages`,
  );

  let from = mark();
  const first = await get(pdfUrl(pages[0]));
  await settled();
  summary(`first request (rendered${values.cold ? ', cold' : ''})`, [first], steps(server.logs, from));
  summary('same PDF again (cached)', [await get(pdfUrl(pages[0]))]);
  const cached: Answer[] = [];
  for (let i = 0; i < 20; i++) cached.push(await get(pdfUrl(pages[0])));
  summary('twenty more, one after another (cached)', cached);

  const single: Answer[] = [];
  from = mark();
  for (let i = 0; i < 3; i++) {
    await change(database, `bench-viewer-single-${i}`);
    single.push(await get(pdfUrl(pages[i % pages.length])));
  }
  await settled();
  summary('one at a time after a change (warm browser)', single, steps(server.logs, from));

  await change(database, 'bench-viewer-1');
  from = mark();
  const tenOne = await Promise.all(Array.from({ length: 10 }, () => get(pdfUrl(pages[0]))));
  await settled();
  summary('ten at once, one PDF, after a change', tenOne, steps(server.logs, from));
  await change(database, 'bench-viewer-2');
  const ten = Array.from({ length: 10 }, (_, i) => pages[i % pages.length]);
  from = mark();
  const tenMany = await Promise.all(ten.map((p) => get(pdfUrl(p))));
  await settled();
  summary(
    `ten at once, ${new Set(ten).size} different PDFs, after a change`,
    tenMany,
    steps(server.logs, from),
  );
} finally {
  await server.stop();
}
