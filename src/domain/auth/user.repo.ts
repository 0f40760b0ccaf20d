import type { Kysely } from 'kysely';
import { insertBatches } from '../../db/batch.ts';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import type { AppUserTable } from '../../db/tables/auth.ts';
import type { RoleGrant } from './actor.ts';

export type UserRow = Omit<AppUserTable, 'id'> & { id: number };

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
