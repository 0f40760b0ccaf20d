// The compile step of scripts/run-tests.mjs: every TypeScript module below the given folders, to
// plain JavaScript in a folder of the same layout (one esbuild transform per file, no bundling,
// no type check: `npm run typecheck` does that). hooks.mjs serves these copies to test processes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** tsconfig.json's compiler options (jsx from hono/jsx, verbatimModuleSyntax, …), as tsc reads them. */
const { compilerOptions } = JSON.parse(readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8'));

/** ESM for node 20, compiled as tsconfig.json says. */
export const transformOptions = {
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // node 20.10+ reads `import … with { type: 'json' }`; esbuild's table for node20 would drop it.
  supported: { 'import-attributes': true },
  tsconfigRaw: { compilerOptions },
  sourcesContent: false,
};

/**
 * Which modules carry a source map (inline, naming the source by its absolute path), so that their
 * stack frames show the .ts file and line: the test files, where an assertion fails. Node parses a
 * module's map as it loads it, which was a fifth of a test process's loading time when every module
 * had one; MOKUHYO_TEST_SOURCE_MAPS=all maps every module, for a failure deep in the sources.
 */
const TEST_FILE = /\.test\.tsx?$/;
const mapsFor = process.env.MOKUHYO_TEST_SOURCE_MAPS === 'all' ? () => true : (path) => TEST_FILE.test(path);

export const TS_FILE = /\.(m|c)?tsx?$/;

/** Options for one file: its loader and its absolute path for the source map. */
export function optionsFor(path) {
  return {
    ...transformOptions,
    loader: /x$/.test(path) ? 'tsx' : 'ts',
    sourcefile: path,
    sourcemap: mapsFor(path) ? 'inline' : false,
  };
}

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(path);
    return TS_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Compiles every module under root's `folders` into `out`; resolves to the number of files. */
export async function compileAll(root, folders, out) {
  const { transform } = await import('esbuild');
  const files = folders.flatMap((folder) => find(join(root, folder)));
  await Promise.all(
    files.map(async (path) => {
      const { code } = await transform(readFileSync(path, 'utf8'), optionsFor(path));
      const target = join(out, relative(root, path)).replace(TS_FILE, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  return files.length;
}
