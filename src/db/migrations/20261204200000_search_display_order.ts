import { sql } from 'kysely';
import type { MigrationDb } from '../migration-kit.ts';

/**
 * The public search's display order as an index: newest fiscal year first, then municipality,
 * department, block ('plan' before 'review'), goal and item position (a goal's title, which has no
 * item position, before its items) and id. A page of a query with many hits is then read by walking
 * this index and stopping after the page, instead of sorting every hit (src/search/search.repo.ts;
 * measured in bench/search.bench.ts). Both engines accept the same statement.
 */
export async function up(db: MigrationDb): Promise<void> {
  await sql`create index search_entry_display on search_entry
    (year desc, municipality_id, department_id, block, goal_position, (coalesce(item_position, -1)), id)`.execute(
    db,
  );
}
