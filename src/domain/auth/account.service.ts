import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { type AuditInput, appendAudit } from '../audit/audit.repo.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { departmentRoles } from '../vocabulary/roles.ts';
import { keepOneAdmin, requireAccount } from './account.rules.ts';
import type { Actor, Role, RoleGrant } from './actor.ts';
import { hashPassword } from './password.ts';
import { authorize } from './policy.ts';
import { deleteSessionsOfUser } from './session.repo.ts';
import { generateTemporaryPassword } from './temporary-password.ts';
import {
  deleteGrant,
  insertGrant,
  listGrants,
  listGrantsOfMunicipality,
  listUsers,
  type UserRow,
  updateUser,
} from './user.repo.ts';
import { createUser } from './user.service.ts';

/**
 * Accounts as the admin manages them in the browser (issue 11). Every function authorises first and
 * writes its change and its audit event in one transaction; no password, hash or temporary password
 * ever reaches the trail.
 */
export interface Account {
  id: number;
  login: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  grants: RoleGrant[];
}

const accountOf = (u: UserRow, grants: RoleGrant[]): Account => ({
  id: u.id,
  login: u.login,
  displayName: u.display_name,
  disabled: u.disabled !== 0,
  mustChangePassword: u.must_change_password === 1,
  grants,
});

const manage = (actor: Actor) => authorize(actor, 'user.manage', { municipalityId: actor.municipalityId });

type AccountAudit = Omit<AuditInput, 'entityType' | 'entityId'>;

/**
 * The one shape of every change to an account: in one transaction, load it (this city's only), make
 * the change, and append its audit event (none when nothing changed). The caller authorised first.
 */
async function changeAccount<T = void>(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  change: (trx: Kysely<Database>, user: UserRow) => Promise<{ audit?: AccountAudit; result?: T } | undefined>,
): Promise<T | undefined> {
  return inTransaction(db, async (trx) => {
    const user = await requireAccount(trx, actor, id);
    const done = await change(trx, user);
    if (done?.audit) await appendAudit(trx, actor, { entityType: 'user', entityId: id, ...done.audit });
    return done?.result;
  });
}

export async function listAccounts(db: Kysely<Database>, actor: Actor): Promise<Account[]> {
  manage(actor);
  const grants = await listGrantsOfMunicipality(db, actor.municipalityId);
  return (await listUsers(db, actor.municipalityId)).map((u) =>
    accountOf(
      u,
      grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role, departmentId: g.department_id })),
    ),
  );
}

export async function getAccount(db: Kysely<Database>, actor: Actor, id: number): Promise<Account> {
  manage(actor);
  const user = await requireAccount(db, actor, id);
  return accountOf(user, await listGrants(db, id));
}

export interface NewAccount {
  login: string;
  displayName: string;
  /** Empty: one is generated. Either way it is temporary: the first sign-in must replace it. */
  password?: string;
  role: Role;
  departmentId?: number;
}

/** Creates the account (the CLI's rules: createUser) and returns the temporary password, to show once. */
export async function createAccount(
  db: Kysely<Database>,
  actor: Actor,
  input: NewAccount,
): Promise<{ id: number; temporaryPassword: string }> {
  manage(actor);
  const temporaryPassword = input.password || generateTemporaryPassword();
  const id = await inTransaction(db, async (trx) => {
    const created = await createUser(trx, actor, {
      login: input.login,
      displayName: input.displayName,
      password: temporaryPassword,
      role: input.role,
      department: input.departmentId === undefined ? undefined : String(input.departmentId),
    });
    await updateUser(trx, created, { must_change_password: 1 });
    return created;
  });
  return { id, temporaryPassword };
}

export async function renameAccount(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  displayName: string,
): Promise<void> {
  manage(actor);
  const name = displayName.trim();
  if (name === '' || [...name].length > 100) {
    throw new AppError('INVALID_INPUT', '表示名を100文字以内で入力してください。', { field: 'displayName' });
  }
  await changeAccount(db, actor, id, async (trx, user) => {
    if (user.display_name === name) return;
    await updateUser(trx, id, { display_name: name });
    return {
      audit: {
        action: 'user.rename',
        summary: `user ${user.login} renamed`,
        before: { login: user.login, name: user.display_name },
        after: { login: user.login, name },
      },
    };
  });
}

/** Disabling ends the account's sessions at once: a disabled account can neither sign in nor stay in. */
export async function setAccountDisabled(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  disabled: boolean,
): Promise<void> {
  manage(actor);
  await changeAccount(db, actor, id, async (trx, user) => {
    if ((user.disabled !== 0) === disabled) return;
    if (disabled) await keepOneAdmin(trx, user, 'disable');
    await updateUser(trx, id, { disabled: disabled ? 1 : 0 });
    if (disabled) await deleteSessionsOfUser(trx, id);
    return {
      audit: {
        action: disabled ? 'user.disable' : 'user.enable',
        summary: `user ${user.login} ${disabled ? 'disabled' : 'enabled'}`,
        after: { login: user.login },
      },
    };
  });
}

/** Checks a grant's shape: editor and approver name a department of this city, the others none. */
async function checkGrant(db: Kysely<Database>, actor: Actor, grant: RoleGrant): Promise<void> {
  const scoped = departmentRoles.has(grant.role);
  if (scoped && grant.departmentId === null) {
    throw new AppError('INVALID_INPUT', 'この役割には部局を選んでください。', { field: 'department' });
  }
  if (!scoped && grant.departmentId !== null) {
    throw new AppError('INVALID_INPUT', 'この役割は全庁の役割です。部局は「選ばない」にしてください。', {
      field: 'department',
    });
  }
  if (grant.departmentId !== null) {
    const department = await getDepartment(db, grant.departmentId);
    if (department?.municipality_id !== actor.municipalityId || department.parent_id !== null) {
      throw new AppError('INVALID_INPUT', '選んだ部局が見つかりません。選び直してください。', {
        field: 'department',
      });
    }
  }
}

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.departmentId === b.departmentId;

export async function grantRole(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  grant: RoleGrant,
): Promise<void> {
  manage(actor);
  await changeAccount(db, actor, id, async (trx, user) => {
    await checkGrant(trx, actor, grant);
    if ((await listGrants(trx, id)).some((g) => sameGrant(g, grant))) return;
    await insertGrant(trx, id, grant);
    return {
      audit: {
        action: 'user.grant',
        departmentId: grant.departmentId,
        summary: `user ${user.login} granted ${grant.role}`,
        after: { login: user.login, role: grant.role, departmentId: grant.departmentId },
      },
    };
  });
}

export async function revokeRole(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  grant: RoleGrant,
): Promise<void> {
  manage(actor);
  await changeAccount(db, actor, id, async (trx, user) => {
    if (!(await listGrants(trx, id)).some((g) => sameGrant(g, grant))) return;
    if (grant.role === 'admin') await keepOneAdmin(trx, user, 'revoke');
    await deleteGrant(trx, id, grant);
    return {
      audit: {
        action: 'user.revoke',
        departmentId: grant.departmentId,
        summary: `user ${user.login} lost ${grant.role}`,
        before: { login: user.login, role: grant.role, departmentId: grant.departmentId },
      },
    };
  });
}

/**
 * Gives the account a temporary password (typed by the admin, or generated) that the next sign-in
 * must replace, and ends its sessions: whoever held the old password is out.
 */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  password?: string,
): Promise<{ temporaryPassword: string }> {
  manage(actor);
  const temporaryPassword = password || generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await changeAccount(db, actor, id, async (trx, user) => {
    await updateUser(trx, id, { password_hash: passwordHash, must_change_password: 1 });
    await deleteSessionsOfUser(trx, id);
    return {
      audit: {
        action: 'user.password_reset',
        summary: `user ${user.login} given a temporary password`,
        after: { login: user.login },
      },
    };
  });
  return { temporaryPassword };
}

/** 「すべての端末からログアウト」: an admin for anyone, every person for themself. */
export async function signOutEverywhere(db: Kysely<Database>, actor: Actor, id: number): Promise<number> {
  if (id !== actor.userId) manage(actor);
  const ended = await changeAccount(db, actor, id, async (trx, user) => {
    const count = await deleteSessionsOfUser(trx, id);
    return {
      audit: {
        action: 'user.sign_out_everywhere',
        summary: `all ${count} sessions of ${user.login} ended`,
        after: { login: user.login },
      },
      result: count,
    };
  });
  return ended ?? 0;
}
