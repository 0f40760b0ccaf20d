// Runs node's test runner over the *.test.ts(x) files below src/ and e2e/ (or only one of them:
// `node scripts/run-tests.mjs e2e`), because node 20's --test does not look for TypeScript files.
// With MOKUHYO_TEST_TIMINGS=<file> it also writes each file's test time there (scripts/test-timings.mjs).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = ['src', 'e2e'].includes(process.argv[2] ?? '') ? process.argv[2] : undefined;
const roots = only ? [only] : ['src', 'e2e'];
const extra = process.argv.slice(only ? 3 : 2);

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : find(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = roots.flatMap((root) => find(root)).sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
// Naming a second reporter replaces the default one, so the default (spec on a terminal, tap
// otherwise) is named again for the usual output.
const timings = process.env.MOKUHYO_TEST_TIMINGS;
const reporters = timings
  ? [
      `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`,
      '--test-reporter-destination=stdout',
      `--test-reporter=${new URL('./test-timings.mjs', import.meta.url).href}`,
      `--test-reporter-destination=${timings}`,
    ]
  : [];
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporters, ...extra, ...files],
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
process.exit(result.status ?? 1);
