#!/usr/bin/env node
// The installed command runs the build (dist/, written by `npm install` through `prepare`, or by
// `npm run build`): plain JavaScript, no TypeScript compiler at start-up. During development
// `npm run cli -- …` runs the sources through tsx instead.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('mokuhyo: dist/ is missing: run `npm run build` (or `npm install`) first\n');
  process.exit(1);
}
await import(main.href);
