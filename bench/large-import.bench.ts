/**
 * One import of a large department table, on the engine DATABASE_URL names (SQLite when unset):
 *   npx tsx bench/large-import.bench.ts [--goals 800] [--items 6]
 * 800 × 6 is the size that used to fail with raw bind-parameter errors (issue 13, defect 4); it is
 * too slow for the test suite, so the repository tests in src/db/batch.test.ts cover the bound and
 * this prints the whole import's time, the lineage suggestions it stored and the peak RSS.
 */
import { parseArgs } from 'node:util';
import { importSources } from '../src/importer/import.service.ts';
import { makeLargeDocument, sourceOf } from '../src/test-support/factories.ts';
import { createTestDb } from '../src/test-support/test-db.ts';

const { values: args } = parseArgs({
  options: {
    goals: { type: 'string', default: '800' },
    items: { type: 'string', default: '6' },
  },
});
const goals = Number(args.goals);
const items = Number(args.items);

const db = await createTestDb();
try {
  const doc = makeLargeDocument(goals, items);
  const started = performance.now();
  await importSources(db.kysely, [sourceOf(doc)], { municipality: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  const links = await db.kysely
    .selectFrom('goal_link')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `${db.engine}: ${goals} goals × ${items} items imported in ${seconds.toFixed(1)} s, ` +
      `${Number(links.n)} lineage suggestions, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
} finally {
  await db.destroy();
}
