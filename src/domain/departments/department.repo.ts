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
  return (
    db
      .selectFrom('department')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('parent_id', 'is', null)
      // The order set on the organisation settings page; departments never ordered keep id order.
      .orderBy((eb) => eb.case().when('display_order', 'is', null).then(1).else(0).end())
      .orderBy('display_order')
      .orderBy('id')
      .execute()
  );
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

/** Departments and their sub-units, in the order the settings page set (unordered ones after, by id). */
export async function listOrganisation(
  db: Kysely<Database>,
  municipalityId: number,
): Promise<DepartmentRow[]> {
  return db
    .selectFrom('department')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy((eb) => eb.case().when('display_order', 'is', null).then(1).else(0).end())
    .orderBy('display_order')
    .orderBy('id')
    .execute();
}

/** A sibling of that name: a department among departments, a sub-unit within its department. */
export async function findSibling(
  db: Kysely<Database>,
  municipalityId: number,
  parentId: number | null,
  name: string,
): Promise<DepartmentRow | undefined> {
  let query = db
    .selectFrom('department')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  return query.executeTakeFirst();
}

export async function insertDepartment(
  db: Kysely<Database>,
  values: { municipalityId: number; parentId: number | null; name: string; displayOrder: number | null },
): Promise<DepartmentRow> {
  return db
    .insertInto('department')
    .values({
      municipality_id: values.municipalityId,
      parent_id: values.parentId,
      kind: values.parentId === null ? 'department' : 'unit',
      name: values.name,
      display_order: values.displayOrder,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateDepartment(
  db: Kysely<Database>,
  id: number,
  values: { name?: string; display_order?: number | null },
): Promise<void> {
  await db.updateTable('department').set(values).where('id', '=', id).execute();
}

/**
 * What still points at a department or sub-unit: goals, imports, items' 担当, grants, 組織改編
 * records, workflow states, sub-units. Deleting would cascade through all of them, so any one keeps it.
 */
export async function departmentUses(db: Kysely<Database>, id: number): Promise<Record<string, number>> {
  const count = async (
    table: 'goal' | 'source_document' | 'user_grant' | 'reorganisation_department' | 'phase_status',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('department_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const items = await db
    .selectFrom('item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', id)
    .executeTakeFirstOrThrow();
  const children = await db
    .selectFrom('department')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    goals: await count('goal'),
    imports: await count('source_document'),
    items: Number(items.n),
    grants: await count('user_grant'),
    reorganisations: await count('reorganisation_department'),
    workflow: await count('phase_status'),
    units: Number(children.n),
  };
}

export async function deleteDepartment(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('department').where('id', '=', id).execute();
}

/** The sub-units (センター, 課) of a department, by name: what an item's 担当 can be chosen from. */
export async function listUnits(
  db: Kysely<Database>,
  departmentId: number,
): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('department')
    .select(['id', 'name'])
    .where('parent_id', '=', departmentId)
    .orderBy('name')
    .execute();
}

/** The unit, if it is one of the department's sub-units. */
export function findUnitOf(db: Kysely<Database>, unitId: number, departmentId: number) {
  return db
    .selectFrom('department')
    .select('id')
    .where('id', '=', unitId)
    .where('parent_id', '=', departmentId)
    .executeTakeFirst();
}
