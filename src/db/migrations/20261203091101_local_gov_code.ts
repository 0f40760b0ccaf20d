import { sql } from 'kysely';
import type { MigrationDb } from '../migration-kit.ts';

/**
 * 全国地方公共団体コード (src/domain/municipalities/local-gov-code.ts): what open data names the
 * municipality by. Unset until an admin gives it; unique where set. The fictional demo city, when
 * present, gets its deliberately unreal code 990019 (prefecture 99 does not exist).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('municipality').addColumn('local_gov_code', 'text').execute();
  await db.schema
    .createIndex('municipality_local_gov_code')
    .unique()
    .on('municipality')
    .column('local_gov_code')
    .execute();
  await sql`update municipality set local_gov_code = '990019' where code = 'minatodai'`.execute(db);
}
