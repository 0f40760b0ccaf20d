import type { MigrationDb } from '../migration-kit.ts';

/**
 * Login throttling keeps failures only for its window (src/domain/auth/login-throttle.ts): attempts
 * older than that are pruned by time, across all keys, which needs this index to stay cheap.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('login_attempt_by_time').on('login_attempt').column('attempted_at').execute();
}
