// Runs node's test runner over the *.test.ts(x) files below src/ (default) or e2e/ ("e2e"),
// because node 20's --test does not look for TypeScript files by itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] === 'e2e' ? 'e2e' : 'src';
const extra = process.argv.slice(root === 'e2e' ? 3 : 2);

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : find(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = find(root).sort();
if (files.length === 0) {
  console.error(`no test files under ${root}/`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...extra, ...files],
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
process.exit(result.status ?? 1);
