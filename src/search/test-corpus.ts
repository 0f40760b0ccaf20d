import { existsSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { importSources } from '../importer/import.service.ts';
import { readSource } from '../importer/read-source.ts';
import { parseQuery } from './query.ts';

/** The shared seed (上田市, 令和3→4年度) lives beside the repository; other checkouts may lack it. */
export const seedFile = new URL('../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
export const seedSkip: string | false = !existsSync(seedFile) && 'no ../shared/seeds';

export async function importSeed(db: Kysely<Database>): Promise<void> {
  await importSources(db, [readSource('seed.txt', readFileSync(seedFile))], {
    published: true,
    municipality: { code: 'ueda', name: '上田市' },
  });
}

/** The seed and the demo city: two municipalities, several departments and years. */
export async function loadSearchCorpus(db: Kysely<Database>): Promise<void> {
  await importSeed(db);
  await loadDemo(db);
}

/**
 * What a search must find, computed the slow, obvious way: every published entry whose folded key
 * contains every term. Tests compare the indexed paths (trigram, bigram, scan) against it.
 */
export async function expectedCount(db: Kysely<Database>, q: string): Promise<number> {
  const terms = parseQuery(q);
  const rows = await db
    .selectFrom('search_entry as e')
    .innerJoin('phase_status as ps', (join) =>
      join
        .onRef('ps.department_id', '=', 'e.department_id')
        .onRef('ps.fiscal_year_id', '=', 'e.fiscal_year_id'),
    )
    .select(['e.folded', 'e.block', 'ps.phase', 'ps.status'])
    .execute();
  return rows.filter(
    (r) =>
      r.status === 'published' &&
      r.phase === (r.block === 'plan' ? 'goal_setting' : 'final') &&
      terms.every((t) => r.folded.includes(t)),
  ).length;
}
