import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { ReorganisationKind } from '../../db/tables/lineage.ts';

export interface Reorganisation {
  id: number;
  kind: ReorganisationKind;
  effectiveYear: number;
  note: string | null;
  from: Array<{ id: number; name: string }>;
  to: Array<{ id: number; name: string }>;
  createdBy: string;
  createdAt: string;
}

export async function insertReorganisation(
  db: Kysely<Database>,
  values: {
    municipalityId: number;
    kind: ReorganisationKind;
    effectiveYear: number;
    note: string | null;
    from: number[];
    to: number[];
    createdBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('reorganisation')
    .values({
      municipality_id: values.municipalityId,
      kind: values.kind,
      effective_year: values.effectiveYear,
      note: values.note,
      created_by: values.createdBy,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reorganisation_department')
    .values([
      ...values.from.map((id) => ({ reorganisation_id: row.id, department_id: id, role: 'from' as const })),
      ...values.to.map((id) => ({ reorganisation_id: row.id, department_id: id, role: 'to' as const })),
    ])
    .execute();
  return row.id;
}

export async function listReorganisations(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<Reorganisation[]> {
  const events = await db
    .selectFrom('reorganisation')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('effective_year')
    .orderBy('id')
    .execute();
  if (events.length === 0) return [];
  const members = await db
    .selectFrom('reorganisation_department as rd')
    .innerJoin('department as d', 'd.id', 'rd.department_id')
    .select(['rd.reorganisation_id', 'rd.role', 'd.id', 'd.name'])
    .where(
      'rd.reorganisation_id',
      'in',
      events.map((e) => e.id),
    )
    .orderBy('rd.id')
    .execute();
  const side = (id: number, role: 'from' | 'to') =>
    members
      .filter((m) => m.reorganisation_id === id && m.role === role)
      .map((m) => ({ id: m.id, name: m.name }));
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    effectiveYear: e.effective_year,
    note: e.note,
    from: side(e.id, 'from'),
    to: side(e.id, 'to'),
    createdBy: e.created_by,
    createdAt: e.created_at,
  }));
}

/** One step back: the departments that went into each of `successorIds` through a 組織改編, newest first. */
export function predecessorsOf(db: Kysely<Database>, successorIds: number[]) {
  return db
    .selectFrom('reorganisation_department as successor')
    .innerJoin('reorganisation as r', 'r.id', 'successor.reorganisation_id')
    .innerJoin('reorganisation_department as source', 'source.reorganisation_id', 'r.id')
    .innerJoin('department as d', 'd.id', 'source.department_id')
    .select([
      'successor.department_id as successor_id',
      'r.kind',
      'r.effective_year',
      'source.department_id as department_id',
      'd.name',
    ])
    .where('successor.role', '=', 'to')
    .where('source.role', '=', 'from')
    .where('successor.department_id', 'in', successorIds)
    .orderBy('r.effective_year', 'desc')
    .orderBy('source.department_id')
    .execute();
}

/** Those of `ids` that are departments of the municipality. */
export function departmentsOfMunicipality(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  return db
    .selectFrom('department')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
}

/** Suggested links from goals of `fromIds` departments to goals of `toIds` departments. */
export function suggestedLinksAcross(db: Kysely<Database>, fromIds: number[], toIds: number[]) {
  return db
    .selectFrom('goal_link as l')
    .innerJoin('goal as f', 'f.id', 'l.from_goal_id')
    .innerJoin('goal as t', 't.id', 'l.to_goal_id')
    .select(['l.id', 'f.department_id as fromDepartment', 't.department_id as toDepartment'])
    .where('l.status', '=', 'suggested')
    .where('f.department_id', 'in', fromIds)
    .where('t.department_id', 'in', toIds)
    .execute();
}

/** Removes the 組織改編 record itself (the service decides what goes with it). */
export async function deleteReorganisationRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('reorganisation').where('id', '=', id).execute();
}
