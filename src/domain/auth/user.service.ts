import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { requireDepartment } from '../departments/department.service.ts';
import type { Actor, Role } from './actor.ts';
import { hashPassword } from './password.ts';
import { authorize } from './policy.ts';
import { findUserByLogin, insertUser } from './user.repo.ts';

export interface NewUser {
  login: string;
  displayName?: string;
  password: string;
  role: Role;
  /** Required for editor and approver: the department they act for (name or id). */
  department?: string;
}

const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export async function createUser(db: Kysely<Database>, actor: Actor, input: NewUser): Promise<number> {
  authorize(actor, 'user.manage', { municipalityId: actor.municipalityId });
  const login = input.login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(login)) {
    throw new AppError('INVALID_INPUT', 'a login is 2–63 characters: a–z, 0–9, ".", "_", "-"', {
      field: 'login',
    });
  }
  const scoped = input.role === 'editor' || input.role === 'approver';
  if (scoped && !input.department) {
    throw new AppError('INVALID_INPUT', `the ${input.role} role needs --department`, { field: 'department' });
  }
  if (!scoped && input.department) {
    throw new AppError('INVALID_INPUT', `the ${input.role} role is city-wide: leave out --department`, {
      field: 'department',
    });
  }
  if (await findUserByLogin(db, login)) {
    throw new AppError('CONFLICT', `the login "${login}" is taken`, { field: 'login' });
  }
  const department = input.department
    ? await requireDepartment(db, actor.municipalityId, input.department)
    : undefined;
  const passwordHash = await hashPassword(input.password);
  const grants = [{ role: input.role, departmentId: department?.id ?? null }];
  const id = await insertUser(db, {
    municipalityId: actor.municipalityId,
    login,
    displayName: input.displayName?.trim() || login,
    passwordHash,
    grants,
  });
  await appendAudit(db, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    departmentId: department?.id ?? null,
    summary: `user ${login} created with role ${input.role}${department ? ` for ${department.name}` : ''}`,
    after: { login, role: input.role, departmentId: department?.id ?? null },
  });
  return id;
}
