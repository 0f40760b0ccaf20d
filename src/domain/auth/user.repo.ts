import type { Kysely, Selectable } from 'kysely';
import { insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { AppUserTable } from '../../db/tables/auth.ts';
import type { RoleGrant } from './actor.ts';

export type UserRow = Selectable<AppUserTable>;

export async function findUserByLogin(db: Kysely<Database>, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function getUser(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listGrants(db: Kysely<Database>, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_grant')
    .select(['role', 'department_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ role: r.role, departmentId: r.department_id }));
}

export async function insertUser(
  db: Kysely<Database>,
  values: {
    municipalityId: number;
    login: string;
    displayName: string;
    passwordHash: string;
    grants: RoleGrant[];
  },
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      municipality_id: values.municipalityId,
      login: values.login,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      disabled: 0,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertBatches(
    values.grants.map((g) => ({ user_id: row.id, role: g.role, department_id: g.departmentId })),
    (chunk) => db.insertInto('user_grant').values(chunk).execute(),
  );
  return row.id;
}

/** The municipality's accounts for the settings page, by login. */
export async function listUsers(db: Kysely<Database>, municipalityId: number): Promise<UserRow[]> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('login')
    .execute();
}

/** Every grant of the municipality's accounts, for the list (one query, not one per account). */
export async function listGrantsOfMunicipality(db: Kysely<Database>, municipalityId: number) {
  return db
    .selectFrom('user_grant')
    .innerJoin('app_user', 'app_user.id', 'user_grant.user_id')
    .select(['user_grant.user_id', 'user_grant.role', 'user_grant.department_id'])
    .where('app_user.municipality_id', '=', municipalityId)
    .orderBy('user_grant.id')
    .execute();
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  values: Partial<
    Pick<UserRow, 'display_name' | 'disabled' | 'password_hash' | 'must_change_password' | 'email'>
  >,
): Promise<void> {
  await db.updateTable('app_user').set(values).where('id', '=', id).execute();
}

export async function insertGrant(db: Kysely<Database>, userId: number, grant: RoleGrant): Promise<void> {
  await db
    .insertInto('user_grant')
    .values({ user_id: userId, role: grant.role, department_id: grant.departmentId })
    .execute();
}

export async function deleteGrant(db: Kysely<Database>, userId: number, grant: RoleGrant): Promise<void> {
  let query = db.deleteFrom('user_grant').where('user_id', '=', userId).where('role', '=', grant.role);
  query =
    grant.departmentId === null
      ? query.where('department_id', 'is', null)
      : query.where('department_id', '=', grant.departmentId);
  await query.execute();
}

/** Active (not disabled) accounts holding the admin role in the municipality. */
export async function countActiveAdmins(db: Kysely<Database>, municipalityId: number): Promise<number> {
  const row = await db
    .selectFrom('user_grant')
    .innerJoin('app_user', 'app_user.id', 'user_grant.user_id')
    .select((eb) => eb.fn.count<number>('app_user.id').distinct().as('n'))
    .where('app_user.municipality_id', '=', municipalityId)
    .where('app_user.disabled', '=', 0)
    .where('user_grant.role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
