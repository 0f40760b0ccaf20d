// Module hooks for scripts/run-tests.mjs: TypeScript of this repository loaded from the JavaScript
// run-tests.mjs compiled once for the whole run (compile.mjs), so a test process reads plain
// JavaScript instead of transforming every module again through tsx. Modules keep their own URLs
// (import.meta.url is the .ts file), so files found beside a module (fixtures, stylesheets,
// ../../shared/seeds) are where they always are. A module without an up-to-date compiled copy
// (changed since, or outside the compiled folders) is transformed here.
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionsFor, TS_FILE } from './compile.mjs';

/** @type {{ root: string, out: string }} */
let where;
/** @type {typeof import('esbuild') | undefined} */
let esbuild;

export function initialize(data) {
  where = data;
}

function compiledCopy(path) {
  if (!path.startsWith(where.root)) return undefined;
  const copy = join(where.out, relative(where.root, path)).replace(TS_FILE, '.js');
  try {
    if (statSync(copy).mtimeMs >= statSync(path).mtimeMs) return readFileSync(copy, 'utf8');
  } catch {
    // no copy: transformed below
  }
  return undefined;
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TS_FILE.test(url) || url.includes('/node_modules/')) {
    return nextLoad(url, context);
  }
  const path = fileURLToPath(url);
  let source = compiledCopy(path);
  if (source === undefined) {
    esbuild ??= await import('esbuild');
    source = esbuild.transformSync(readFileSync(path, 'utf8'), optionsFor(path)).code;
  }
  return { format: 'module', source, shortCircuit: true };
}
