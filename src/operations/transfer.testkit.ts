import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { login } from '../domain/auth/session.service.ts';
import { stagePendingImport } from '../importer/pending/pending-import.service.ts';
import { demoMunicipalityId } from '../test-support/demo-ids.ts';
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
  const item = await k.selectFrom('item').select('id').orderBy('id').executeTakeFirstOrThrow();
  await k
    .updateTable('item')
    .set({ text: '𠮷野家の\t"引用"\n改行 =1+1 😀', target: '0.1+0.2' })
    .where('id', '=', item.id)
    .execute();
  const q = await k.selectFrom('quantity').select('id').orderBy('id').executeTakeFirstOrThrow();
  await k.updateTable('quantity').set({ value: Number.POSITIVE_INFINITY }).where('id', '=', q.id).execute();
  const q2 = await k.selectFrom('quantity').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await k
    .updateTable('quantity')
    .set({ value: 0.1 + 0.2 })
    .where('id', '=', q2.id)
    .execute();
  // Rows that reference a newer row of their own table: loading by id alone would break the key.
  const goals = await k.selectFrom('goal').select('id').orderBy('id').execute();
  await k
    .updateTable('goal')
    .set({ copied_from_goal_id: goals.at(-2)!.id })
    .where('id', '=', goals[0]!.id)
    .execute();
  // The newest goal deleted: its id must not be issued again after a restore.
  const last = await k.selectFrom('goal').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await k.deleteFrom('goal').where('id', '=', last.id).execute();
}
