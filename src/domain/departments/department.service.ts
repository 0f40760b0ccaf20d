import type { Kysely } from 'kysely';
import type { Database, DepartmentRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findTopDepartment, listTopDepartments } from './department.repo.ts';

/** Plain reads the web and API layers use: one department by id, a city's top-level departments in order. */
export { getDepartment, listTopDepartments } from './department.repo.ts';

/** A top-level department by its exact name (or numeric id), with the names on offer when it is not there. */
export async function requireDepartment(
  db: Kysely<Database>,
  municipalityId: number,
  nameOrId: string,
): Promise<DepartmentRow> {
  const found = await findTopDepartment(db, municipalityId, nameOrId);
  if (found) return found;
  const all = await listTopDepartments(db, municipalityId);
  const byId = /^\d+$/.test(nameOrId) ? all.find((d) => d.id === Number(nameOrId)) : undefined;
  if (byId) return byId;
  const known = all.map((d) => d.name).join('、') || '(none)';
  throw new AppError('NOT_FOUND', `no department "${nameOrId}"; stored: ${known}`, { field: 'department' });
}
