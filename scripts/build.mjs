// `npm run build` (and `prepare`, so `npm install` builds): compiles src/ to plain JavaScript in
// dist/ with tsconfig.build.json and copies the files the code reads beside itself (stylesheets,
// the unsaved-changes script, the demo data) into the same places under dist/, because the code
// finds them relative to its own module (new URL('./x.css', import.meta.url)).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies cannot build; a dist/ shipped with it still runs.
  if (existsSync(join(dist, 'cli', 'main.js'))) process.exit(0);
  console.error('mokuhyo build: typescript is not installed: run `npm install` (with dev dependencies)');
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('mokuhyo build: tsc failed (see above)');
  process.exit(result.status ?? 1);
}

// Assets: everything that is not TypeScript, except test fixtures and notes for developers.
const skipDir = (name) => name === 'fixtures' || name === 'node_modules';
const isAsset = (name) => !/\.(tsx?|md)$/.test(name);
let copied = 0;
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDir(entry.name)) copyAssets(path);
    } else if (isAsset(entry.name)) {
      cpSync(path, join(dist, relative(src, path)));
      copied++;
    }
  }
}
copyAssets(src);
if (!existsSync(join(dist, 'cli', 'main.js'))) {
  console.error('mokuhyo build: dist/cli/main.js was not written');
  process.exit(1);
}
console.log(`mokuhyo build: dist/ written (${copied} assets copied)`);
