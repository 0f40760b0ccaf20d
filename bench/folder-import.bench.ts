/**
 * Many files at once: a folder of N PDFs (default 200, as 20 departments × 10 years would give),
 * read as `mokuhyo import DIR` reads them. The committed fixtures are copied N times under
 * department/year-like names (their content is the same two tables: making 200 different PDFs
 * needs Chromium per file, which a bench should not). Prints files/s and pages/s for parsing in
 * this process, then the wall time of the real CLI `mokuhyo import DIR --dry-run` on the folder:
 *   npx tsx bench/folder-import.bench.ts [--files 200] [--no-cli]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openPdf } from '../src/importer/pdf/extract.ts';
import { readSourceAsync } from '../src/importer/read-source.ts';

const { values: args } = parseArgs({
  options: { files: { type: 'string', default: '200' }, 'no-cli': { type: 'boolean', default: false } },
});
const count = Number(args.files);
const fixtures = fileURLToPath(new URL('../src/importer/pdf/fixtures/', import.meta.url));
const names = ['seed.pdf', 'demo-kenko-fukushi-2024.pdf'];
const pagesOf = new Map<string, number>();
for (const name of names) pagesOf.set(name, (await openPdf(readFileSync(join(fixtures, name)))).numPages);

const folder = mkdtempSync(join(tmpdir(), 'mokuhyo-folder-bench-'));
const files: { path: string; pages: number }[] = [];
for (let i = 0; i < count; i++) {
  const name = names[i % names.length] ?? 'seed.pdf';
  const dir = join(folder, `dept-${String(Math.floor(i / 10) + 1).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${2015 + (i % 10)}.pdf`);
  copyFileSync(join(fixtures, name), path);
  files.push({ path, pages: pagesOf.get(name) ?? 0 });
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
// Warm-up: module loading and JIT are not the files' doing.
await readSourceAsync(names[0] ?? '', readFileSync(join(fixtures, names[0] ?? '')));

const cpuStart = cpuSeconds();
const start = performance.now();
let pages = 0;
for (const file of files) {
  await readSourceAsync(file.path, readFileSync(file.path));
  pages += file.pages;
}
const seconds = (performance.now() - start) / 1000;
const cpu = cpuSeconds() - cpuStart;
console.log(
  `parse: ${count} files, ${pages} pages in ${seconds.toFixed(1)} s (CPU ${cpu.toFixed(1)} s): ` +
    `${(count / seconds).toFixed(1)} files/s, ${(pages / seconds).toFixed(1)} pages/s`,
);

if (!args['no-cli']) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const cliStart = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'import', folder, '--dry-run'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const cliSeconds = (performance.now() - cliStart) / 1000;
  const summary = run.stdout.trim().split('\n').at(-1);
  console.log(
    `cli: mokuhyo import DIR --dry-run, ${count} files: ${cliSeconds.toFixed(1)} s, exit ${run.status} (${summary})`,
  );
}
rmSync(folder, { recursive: true, force: true });
