import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database, DepartmentRow } from '../../db/schema.ts';

export async function findTopDepartment(
  db: Kysely<Database>,
  municipalityId: number,
  name: string,
): Promise<DepartmentRow | undefined> {
  return db
    .selectFrom('department')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('parent_id', 'is', null)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function getDepartment(db: Kysely<Database>, id: number): Promise<DepartmentRow | undefined> {
  return db.selectFrom('department').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTopDepartments(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<DepartmentRow[]> {
  return db
    .selectFrom('department')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('parent_id', 'is', null)
    .orderBy('id')
    .execute();
}

/** The department (or sub-unit when parentId is given) of that name, created when missing. */
export async function ensureDepartment(
  db: Kysely<Database>,
  municipalityId: number,
  name: string,
  parentId: number | null = null,
): Promise<DepartmentRow> {
  let query = db
    .selectFrom('department')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  const found = await query.executeTakeFirst();
  if (found) return found;
  return db
    .insertInto('department')
    .values({
      municipality_id: municipalityId,
      parent_id: parentId,
      kind: parentId === null ? 'department' : 'unit',
      name,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
