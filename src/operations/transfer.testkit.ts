import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { login } from '../domain/auth/session.service.ts';
import { stagePendingImport } from '../importer/pending/pending-import.service.ts';
import { demoMunicipalityId } from '../test-support/demo-ids.ts';
import { deleteNewestGoal, oddValuesForTransfer } from '../test-support/forced-state.repo.ts';
import type { TestDb } from '../test-support/test-db.ts';
import { makeUser } from '../test-support/users.ts';

/** Tables a round trip must carry with rows in them, or the comparison would prove little. */
export const MUST_HOLD_ROWS = [
  'municipality',
  'department',
  'goal',
  'item',
  'quantity',
  'search_entry',
  'audit_event',
  'app_user',
  'user_grant',
  'session',
  'login_attempt',
  'pending_import',
  'phase_status',
];

/**
 * The demo city plus what a city in use also holds: accounts with live sessions, sign-in attempts,
 * an upload waiting for confirmation, deleted rows (so sequences run ahead of the highest id) and
 * a goal copied from a newer one, values that are easy to lose on the way: non-BMP text, control characters, an infinite quantity.
 */
export async function fillLikeACity(db: TestDb): Promise<void> {
  await loadDemo(db.kysely);
  const k: Kysely<Database> = db.kysely;
  const city = await demoMunicipalityId(k);
  const planner = await makeUser(k, city, 'planning');
  await makeUser(k, city, 'viewer');
  // A mistyped password: the sign-in throttle keeps it in login_attempt for its window.
  await login(k, { login: 'nobody', password: 'wrong', client: '192.0.2.7' }).catch(() => undefined);
  const demoFile = new URL('../demo/data/minatodai/somu-2025.json', import.meta.url);
  await stagePendingImport(k, planner.actor, 'somu-2025.json', await readFile(demoFile));
  await oddValuesForTransfer(k);
  await deleteNewestGoal(k);
}
