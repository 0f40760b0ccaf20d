import type { Kysely } from 'kysely';
import type { Database, DepartmentRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { authorize } from '../../domain/auth/policy.ts';
import { getDepartment } from '../../domain/departments/department.service.ts';
import { AppError } from '../../errors.ts';

/** A top-level department of the actor's city that the actor may read (own department for editors). */
export async function readableDepartment(
  db: Kysely<Database>,
  actor: Actor,
  departmentId: number,
): Promise<DepartmentRow> {
  const department = await getDepartment(db, departmentId);
  if (!department || department.parent_id !== null || department.municipality_id !== actor.municipalityId) {
    throw new AppError('NOT_FOUND', 'no such department');
  }
  authorize(actor, 'internal.read', { municipalityId: department.municipality_id, departmentId });
  return department;
}
