import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from './actor.ts';
import { claimAttempt, settleSuccess } from './login-throttle.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { deleteSession, findLiveSession, insertSession, touchSession } from './session.repo.ts';
import { findUserByLogin, listGrants } from './user.repo.ts';

/** Sessions slide: each use extends them, up to this idle limit. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

/** One message for every wrong password: it must not tell whether the account exists. */
export const LOGIN_REFUSED =
  'ログインIDまたはパスワードが正しくありません。続けて失敗した場合は、しばらく時間をおいてからお試しください。';

export interface SessionContext {
  actor: Actor;
  displayName: string;
  csrfToken: string;
  /** An admin reset the password: until a new one is chosen, staff pages send here to change it. */
  mustChangePassword: boolean;
  /** This session's row: changing one's own password ends the account's other sessions, not this one. */
  sessionId: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(
  db: Kysely<Database>,
  input: { login: string; password: string; client: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const loginName = input.login.trim().toLowerCase();
  // Over budget, this throws before the hash below is ever computed.
  const attempt = await claimAttempt(db, loginName, input.client, now);
  const user = await findUserByLogin(db, loginName);
  // Always pay for one verification so that timing does not tell a missing account from a wrong password.
  const valid = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (user?.disabled !== 0 || !valid) throw new AppError('UNAUTHENTICATED', LOGIN_REFUSED);
  await settleSuccess(db, attempt);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    now: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, expiresAt };
}

export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<SessionContext | undefined> {
  const row = await findLiveSession(db, hashToken(token), now.toISOString());
  if (row?.disabled !== 0) return undefined;
  // Extend at most once a minute: a write per request would serialise busy servers on one row.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await touchSession(
      db,
      row.id,
      now.toISOString(),
      new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    );
  }
  return {
    actor: {
      userId: row.user_id,
      login: row.login,
      municipalityId: row.municipality_id,
      grants: await listGrants(db, row.user_id),
    },
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password === 1,
    sessionId: row.id,
  };
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}
