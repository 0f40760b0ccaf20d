/**
 * What a test's child process passes to `node --import` to run the TypeScript sources: under
 * `npm test` the run's compiled copy (scripts/test-loader/register.mjs, set by run-tests.mjs),
 * otherwise tsx.
 */
export const TS_IMPORT = process.env.MOKUHYO_TEST_IMPORT || 'tsx';
