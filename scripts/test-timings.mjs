// A node:test reporter for scripts/run-tests.mjs: per test file, the time its tests and hooks took
// (loading the file's modules is not in it), slowest first, so the suite's cost can be found.
// `MOKUHYO_TEST_TIMINGS=timings.txt npm test` writes it there beside the usual output.
export default async function* timings(source) {
  const byFile = new Map();
  const failed = new Set();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, nesting, details } = event.data;
    if (nesting !== 0 || !file) continue;
    byFile.set(file, (byFile.get(file) ?? 0) + (details?.duration_ms ?? 0));
    if (event.type === 'test:fail') failed.add(file);
  }
  const rows = [...byFile].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  yield `# test time per file, slowest first (total ${(total / 1000).toFixed(1)} s in ${rows.length} files)\n`;
  for (const [file, ms] of rows) {
    yield `${(ms / 1000).toFixed(1).padStart(8)} s  ${file}${failed.has(file) ? '  (failed)' : ''}\n`;
  }
}
