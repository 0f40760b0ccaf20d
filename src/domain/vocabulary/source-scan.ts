import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const srcRoot = new URL('../../', import.meta.url).pathname;

/** Every non-test source file under src/, with its text: the label tests read what the code writes. */
export function sourceFiles(): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        files.push({ path: path.slice(srcRoot.length), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(srcRoot);
  return files;
}

/** Every first capture of `pattern` in those files, with where it was found. */
export function literalsMatching(pattern: RegExp): Array<{ value: string; path: string }> {
  const found: Array<{ value: string; path: string }> = [];
  for (const { path, text } of sourceFiles()) {
    for (const m of text.matchAll(pattern)) if (m[1]) found.push({ value: m[1], path });
  }
  return found;
}
