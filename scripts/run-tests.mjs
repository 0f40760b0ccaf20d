// Runs node's test runner over the *.test.ts(x) files below src/ and e2e/ (or only one of them:
// `node scripts/run-tests.mjs e2e`), because node 20's --test does not look for TypeScript files.
// With MOKUHYO_TEST_TIMINGS=<file> it also writes each file's test time there (scripts/test-timings.mjs).
//
// Before the first test, once for the whole run:
// - src/ and e2e/ are compiled to JavaScript in a temporary folder (test-loader/compile.mjs), which
//   every test process loads through test-loader/register.mjs instead of transforming each module
//   again through tsx (that cost seconds per process). Without esbuild the run falls back to tsx.
// - the migrations run into a template database per engine (src/test-support/test-template.ts);
//   createTestDb copies it instead of migrating every test database again.
// Both are removed when the run ends, and with them the run's PostgreSQL test databases, which
// stay until then (test-db.ts says why).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = ['src', 'e2e'].includes(process.argv[2] ?? '') ? process.argv[2] : undefined;
const roots = only ? [only] : ['src', 'e2e'];
const args = process.argv.slice(only ? 3 : 2);
// Test files named on the command line run alone: `npm test -- src/db/migrate.test.ts`.
const named = args.filter((arg) => /\.test\.tsx?$/.test(arg));
const extra = args.filter((arg) => !named.includes(arg));

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : find(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = named.length > 0 ? named : roots.flatMap((dir) => find(dir)).sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}

/** The JavaScript copy of src/ and e2e/, and the --import that serves it; tsx when that fails. */
async function compile() {
  const out = mkdtempSync(join(tmpdir(), 'mokuhyo-test-js-'));
  try {
    const { compileAll } = await import('./test-loader/compile.mjs');
    await compileAll(root, ['src', 'e2e'], out);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    console.error(`# compiling the tests failed (${error.message}): they run through tsx`);
    return { out: undefined, importArg: 'tsx', env: {} };
  }
  const env = { MOKUHYO_TEST_JS: JSON.stringify([root, out]) };
  process.env.MOKUHYO_TEST_JS = env.MOKUHYO_TEST_JS;
  const importArg = new URL('./test-loader/register.mjs', import.meta.url).href;
  await import(importArg);
  return { out, importArg, env };
}

const compiled = await compile();
// This process imports TypeScript once: the module that makes the templates.
if (compiled.importArg === 'tsx') {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
}
const { createTestTemplates, dropTestTemplates } = await import(
  pathToFileURL(join(root, 'src/test-support/test-template.ts')).href
);
const removeCompiled = () => compiled.out && rmSync(compiled.out, { recursive: true, force: true });
let templates;
try {
  templates = await createTestTemplates(process.env.DATABASE_URL);
} catch (error) {
  removeCompiled();
  console.error('the template databases could not be made (is DATABASE_URL reachable?):', error);
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
const concurrency = process.env.MOKUHYO_TEST_CONCURRENCY ?? '2';
const child = spawn(
  process.execPath,
  [
    '--import',
    compiled.importArg,
    '--test',
    `--test-concurrency=${concurrency}`,
    ...reporters,
    ...extra,
    ...files,
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...compiled.env,
      ...templates,
      // Child processes of tests (the CLI, `mokuhyo serve`) load the sources the same way.
      MOKUHYO_TEST_IMPORT: compiled.importArg,
      // Accounts made by tests hash at argon2's cheapest (config.ts passwordHashCostFrom; honoured
      // under the test runner only). src/domain/auth/password.test.ts keeps the standard cost.
      MOKUHYO_TEST_PASSWORD_HASH: process.env.MOKUHYO_TEST_PASSWORD_HASH ?? 'fast',
      TZ: process.env.TZ ?? 'UTC',
    },
  },
);
// Ctrl-C reaches the test runner too (same process group); this process waits for it to end,
// then removes the templates and the compiled copy.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
const status = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
await dropTestTemplates(templates, process.env.DATABASE_URL);
removeCompiled();
process.exit(status);
