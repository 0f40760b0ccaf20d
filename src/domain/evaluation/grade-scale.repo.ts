import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { GradePreset } from '../../db/tables/evaluation.ts';
import type { Actor } from '../auth/actor.ts';
import { DEFAULT_SCALE, type GradeScale, gradeBandsSchema } from './grades.ts';

type Q = Kysely<Database>;

interface ScaleRow {
  preset: GradePreset;
  name: string;
  bands_json: string;
}

// Stored bands were validated on the way in; a row that no longer parses is a bug, not user input.
function scaleOf(row: ScaleRow): GradeScale {
  return { preset: row.preset, name: row.name, bands: gradeBandsSchema.parse(JSON.parse(row.bands_json)) };
}

function columnsOf(scale: GradeScale) {
  return { preset: scale.preset, name: scale.name, bands_json: JSON.stringify(scale.bands) };
}

/** A scale in force from a fiscal year (0: since always), as the settings page lists them. */
export interface ScaleVersion {
  fromYear: number;
  scale: GradeScale;
}

/** The scale a year keeps, and why: it was published with it, or planning re-graded it. */
export interface YearScale {
  fiscalYear: number;
  reason: 'published' | 'regrade';
  scale: GradeScale;
}

/** The version in force for a year: the latest starting at or before it; the default preset if none. */
export async function scaleInForce(db: Q, municipalityId: number, fiscalYear: number): Promise<GradeScale> {
  const row = await db
    .selectFrom('grade_scale_version')
    .select(['preset', 'name', 'bands_json'])
    .where('municipality_id', '=', municipalityId)
    .where('from_year', '<=', fiscalYear)
    .orderBy('from_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? scaleOf(row) : DEFAULT_SCALE;
}

export async function loadYearScale(
  db: Q,
  municipalityId: number,
  fiscalYear: number,
): Promise<YearScale | undefined> {
  const row = await db
    .selectFrom('grade_scale_year')
    .select(['fiscal_year', 'reason', 'preset', 'name', 'bands_json'])
    .where('municipality_id', '=', municipalityId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row && { fiscalYear: row.fiscal_year, reason: row.reason, scale: scaleOf(row) };
}

/**
 * The one answer to "which scale grades this year": the scale the year was published with (or
 * re-graded to), else the version in force for it. Every grade computation asks this.
 */
export async function scaleForYear(db: Q, municipalityId: number, fiscalYear: number): Promise<GradeScale> {
  const scales = await scalesForYears(db, [{ municipalityId, year: fiscalYear }]);
  return scales.get(`${municipalityId}:${fiscalYear}`) ?? DEFAULT_SCALE;
}

/**
 * scaleForYear for many municipality years at once, in two queries (the search's filter lists ask
 * this for every public year of every municipality). Keyed `${municipalityId}:${year}`. The rule:
 * the scale the year keeps, else the latest version starting at or before it, else the default.
 */
export async function scalesForYears(
  db: Q,
  years: ReadonlyArray<{ municipalityId: number; year: number }>,
): Promise<Map<string, GradeScale>> {
  const scales = new Map<string, GradeScale>();
  const ids = [...new Set(years.map((y) => y.municipalityId))];
  if (ids.length === 0) return scales;
  const [kept, versions] = await Promise.all([
    db
      .selectFrom('grade_scale_year')
      .select(['municipality_id', 'fiscal_year', 'preset', 'name', 'bands_json'])
      .where('municipality_id', 'in', ids)
      .execute(),
    db
      .selectFrom('grade_scale_version')
      .select(['municipality_id', 'from_year', 'preset', 'name', 'bands_json'])
      .where('municipality_id', 'in', ids)
      .orderBy('from_year', 'desc')
      .execute(),
  ]);
  const keptOf = new Map(kept.map((row) => [`${row.municipality_id}:${row.fiscal_year}`, row]));
  for (const { municipalityId, year } of years) {
    const key = `${municipalityId}:${year}`;
    const row =
      keptOf.get(key) ?? versions.find((v) => v.municipality_id === municipalityId && v.from_year <= year);
    scales.set(key, row ? scaleOf(row) : DEFAULT_SCALE);
  }
  return scales;
}

export async function listScaleVersions(db: Q, municipalityId: number): Promise<ScaleVersion[]> {
  const rows = await db
    .selectFrom('grade_scale_version')
    .select(['from_year', 'preset', 'name', 'bands_json'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('from_year')
    .execute();
  return rows.map((r) => ({ fromYear: r.from_year, scale: scaleOf(r) }));
}

export async function listYearScales(db: Q, municipalityId: number): Promise<YearScale[]> {
  const rows = await db
    .selectFrom('grade_scale_year')
    .select(['fiscal_year', 'reason', 'preset', 'name', 'bands_json'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('fiscal_year')
    .execute();
  return rows.map((r) => ({ fiscalYear: r.fiscal_year, reason: r.reason, scale: scaleOf(r) }));
}

/** Years of the municipality in which any department has a published phase. */
export async function publishedFiscalYears(db: Q, municipalityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('fiscal_year.year as year')
    .distinct()
    .where('fiscal_year.municipality_id', '=', municipalityId)
    .where('phase_status.status', '=', 'published')
    .orderBy('fiscal_year.year')
    .execute();
  return rows.map((r) => r.year);
}

/** Makes `scale` the version in force from `fromYear` (replacing one that started that same year). */
export async function saveScaleVersion(
  db: Q,
  actor: Actor,
  municipalityId: number,
  fromYear: number,
  scale: GradeScale,
): Promise<void> {
  const now = nowIso();
  const changes = {
    ...columnsOf(scale),
    actor_user_id: actor.userId,
    actor_login: actor.login,
    updated_at: now,
  };
  await db
    .insertInto('grade_scale_version')
    .values({ municipality_id: municipalityId, from_year: fromYear, ...changes, created_at: now })
    .onConflict((oc) => oc.columns(['municipality_id', 'from_year']).doUpdateSet(changes))
    .execute();
}

/** Records the scale a year keeps; `published` never overwrites (the first publication's scale stays). */
export async function saveYearScale(
  db: Q,
  actor: Actor | undefined,
  municipalityId: number,
  fiscalYear: number,
  scale: GradeScale,
  reason: 'published' | 'regrade',
): Promise<void> {
  const now = nowIso();
  const changes = {
    ...columnsOf(scale),
    reason,
    actor_user_id: actor?.userId ?? null,
    actor_login: actor?.login ?? null,
    updated_at: now,
  };
  await db
    .insertInto('grade_scale_year')
    .values({ municipality_id: municipalityId, fiscal_year: fiscalYear, ...changes, created_at: now })
    .onConflict((oc) =>
      reason === 'regrade'
        ? oc.columns(['municipality_id', 'fiscal_year']).doUpdateSet(changes)
        : oc.columns(['municipality_id', 'fiscal_year']).doNothing(),
    )
    .execute();
}
