import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from './actor.ts';
import { countActiveAdmins, getUser, listGrants, type UserRow } from './user.repo.ts';

/** The account, if it belongs to the actor's municipality; another city's accounts do not exist here. */
export async function requireAccount(db: Kysely<Database>, actor: Actor, id: number): Promise<UserRow> {
  const user = await getUser(db, id);
  if (!user || user.municipality_id !== actor.municipalityId) {
    throw new AppError(
      'NOT_FOUND',
      'そのアカウントは見つかりません。アカウントの一覧から選び直してください。',
      { field: 'account' },
      { cause: `no account ${id} in municipality ${actor.municipalityId}` },
    );
  }
  return user;
}

/**
 * The city must keep one active admin, or nobody could manage accounts from the browser again:
 * disabling or demoting the last one is refused, whoever asks (themself or, by race, another admin).
 */
export async function keepOneAdmin(
  db: Kysely<Database>,
  user: UserRow,
  change: 'disable' | 'revoke',
): Promise<void> {
  if (user.disabled !== 0) return;
  const isAdmin = (await listGrants(db, user.id)).some((g) => g.role === 'admin');
  if (!isAdmin || (await countActiveAdmins(db, user.municipality_id)) > 1) return;
  const what = change === 'disable' ? '無効にする' : 'から管理者の役割を外す';
  throw new AppError(
    'CONFLICT',
    `有効な管理者はこのアカウントだけのため、このアカウント${what}ことはできません。先に別のアカウントに管理者の役割を付けてから、もう一度操作してください。`,
    { field: change === 'disable' ? 'disabled' : 'role' },
    { cause: `${user.login} is the last active admin` },
  );
}
