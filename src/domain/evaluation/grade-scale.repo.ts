import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { DEFAULT_SCALE, type GradeScale, gradeBandsSchema } from './grades.ts';

/** The municipality's scale; the default preset when none is stored. */
export async function loadGradeScale(db: Kysely<Database>, municipalityId: number): Promise<GradeScale> {
  const row = await db
    .selectFrom('grade_scale')
    .select(['preset', 'name', 'bands_json'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return DEFAULT_SCALE;
  // Stored bands were validated on the way in; a row that no longer parses is a bug, not user input.
  return { preset: row.preset, name: row.name, bands: gradeBandsSchema.parse(JSON.parse(row.bands_json)) };
}

export async function saveGradeScale(
  db: Kysely<Database>,
  actor: Actor,
  municipalityId: number,
  scale: GradeScale,
): Promise<void> {
  const now = nowIso();
  const changes = {
    preset: scale.preset,
    name: scale.name,
    bands_json: JSON.stringify(scale.bands),
    actor_user_id: actor.userId,
    actor_login: actor.login,
    updated_at: now,
  };
  await db
    .insertInto('grade_scale')
    .values({ municipality_id: municipalityId, ...changes, created_at: now })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet(changes))
    .execute();
}
