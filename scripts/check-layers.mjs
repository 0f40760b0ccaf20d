// The direction rule of ARCHITECTURE.md, checked: layers point one way (web/api → services → repos → db),
// SQL lives in repositories, and web/ and api/ reach repositories only through services (no `*.repo.ts`
// import outside test kits). Violations that predate the rule are listed in scripts/layers-baseline.json; a
// new one fails, and so does a listed one that no longer exists (the list only shrinks: `--update` rewrites it).
// Usage: node scripts/check-layers.mjs [--root DIR] [--update]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = resolve(
  rootArg >= 0 ? args[rootArg + 1] : join(dirname(new URL(import.meta.url).pathname), '..'),
);
const update = args.includes('--update');
const baselinePath = join(root, 'scripts/layers-baseline.json');

/** Top folders under src/ (or the root files) that may not import the listed folders. */
const forbidden = {
  api: ['web', 'cli'],
  format: [
    'web',
    'api',
    'cli',
    'exporters',
    'importer',
    'operations',
    'demo',
    'domain',
    'search',
    'db',
    'quantities',
    'presenters',
    'views',
    'http',
    'spreadsheet',
  ],
  spreadsheet: ['web', 'api', 'cli', 'exporters', 'importer', 'operations', 'demo', 'db', 'search'],
  presenters: ['web', 'api', 'cli', 'exporters', 'importer', 'operations', 'demo'],
  views: ['web', 'api', 'cli', 'exporters', 'importer', 'operations', 'demo'],
  http: ['web', 'api', 'cli', 'exporters', 'importer', 'operations', 'demo'],
  exporters: ['web', 'api', 'cli'],
  importer: ['web', 'api', 'cli', 'exporters', 'presenters', 'views', 'http'],
  operations: ['web', 'api', 'cli', 'presenters', 'views', 'http'],
  search: ['web', 'api', 'cli', 'exporters', 'importer', 'presenters', 'views', 'http'],
  quantities: [
    'web',
    'api',
    'cli',
    'exporters',
    'importer',
    'domain',
    'search',
    'db',
    'operations',
    'presenters',
    'views',
    'http',
    'spreadsheet',
  ],
  domain: ['web', 'api', 'cli', 'exporters', 'importer', 'operations', 'presenters', 'views', 'http'],
  db: [
    'web',
    'api',
    'cli',
    'exporters',
    'importer',
    'operations',
    'domain',
    'search',
    'demo',
    'presenters',
    'views',
    'http',
    'spreadsheet',
  ],
  demo: ['web', 'api', 'cli'],
  'test-support': [],
};
/** Top folders whose modules call services, never repositories (`*.repo.ts`) directly; test kits may. */
const servicesOnly = ['web', 'api'];
const migrationsDir = 'src/db/migrations';
const sqlPattern = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(`|<)/g;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const isTest = (rel) => /\.test\.tsx?$|testkit|test-support|test-corpus|\.cases\.ts$/.test(rel);
const topOf = (rel) => rel.split('/')[1];
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function check() {
  const found = { imports: [], sql: {} };
  for (const file of walk(join(root, 'src'))) {
    const rel = relative(root, file).replaceAll('\\', '/');
    if (isTest(rel)) continue;
    const text = readFileSync(file, 'utf8');
    const top = topOf(rel);
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), spec)).replaceAll('\\', '/');
      if (!target.startsWith('src/')) continue;
      const targetTop = topOf(target);
      const fromMigration = rel.startsWith(migrationsDir) && !target.startsWith(migrationsDir);
      const allowedForMigration = target === 'src/db/migration-kit.ts';
      const skipsServices = servicesOnly.includes(top) && target.endsWith('.repo.ts');
      if (
        (fromMigration && !allowedForMigration) ||
        (forbidden[top] ?? []).includes(targetTop) ||
        skipsServices
      ) {
        found.imports.push(`${rel} -> ${target}`);
      }
    }
    const repoLike = rel.endsWith('.repo.ts') || rel.startsWith('src/db/');
    if (!repoLike) {
      const count = [...text.matchAll(sqlPattern)].length;
      if (count > 0) found.sql[rel] = count;
    }
  }
  found.imports.sort();
  return found;
}

const found = check();
if (update) {
  writeFileSync(baselinePath, `${JSON.stringify(found, null, 2)}\n`);
  console.log(
    `layers: baseline written (${found.imports.length} imports, ${Object.keys(found.sql).length} files with SQL)`,
  );
  process.exit(0);
}
let baseline = { imports: [], sql: {} };
try {
  baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
} catch {
  // no baseline: every violation is new
}
const problems = [];
for (const edge of found.imports) {
  if (baseline.imports.includes(edge)) continue;
  problems.push(
    edge.endsWith('.repo.ts')
      ? `repository imported past its service (web/api call services): ${edge}`
      : `import against the layer direction: ${edge}`,
  );
}
for (const edge of baseline.imports) {
  if (!found.imports.includes(edge)) problems.push(`fixed, remove from the baseline (--update): ${edge}`);
}
for (const [file, count] of Object.entries(found.sql)) {
  const allowed = baseline.sql[file] ?? 0;
  if (count > allowed)
    problems.push(`SQL outside a *.repo.ts: ${file} has ${count} query sites (allowed ${allowed})`);
}
for (const [file, count] of Object.entries(baseline.sql)) {
  if ((found.sql[file] ?? 0) < count)
    problems.push(`fewer query sites in ${file}: shrink the baseline (--update)`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`layers: ${problems.length} problem(s); see ARCHITECTURE.md (direction rule)`);
  process.exit(1);
}
const debt = Object.values(found.sql).reduce((a, b) => a + b, 0);
console.log(`layers: ok (baseline debt: ${found.imports.length} imports, ${debt} query sites outside repos)`);
