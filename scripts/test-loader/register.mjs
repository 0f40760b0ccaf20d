// `node --import ./scripts/test-loader/register.mjs`: registers hooks.mjs with the folders
// run-tests.mjs passes in MOKUHYO_TEST_JS (the repository root and its compiled copy).
import { register } from 'node:module';

const [root, out] = JSON.parse(process.env.MOKUHYO_TEST_JS ?? 'null') ?? [];
if (!root || !out) throw new Error('MOKUHYO_TEST_JS is not set: run the tests with `npm test`');
// Stack traces point into the .ts sources (the compiled copies carry inline source maps).
process.setSourceMapsEnabled(true);
register('./hooks.mjs', import.meta.url, { data: { root, out } });
