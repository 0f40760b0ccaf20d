import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { requireAccount } from './account.rules.ts';
import type { Actor } from './actor.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { deleteOtherSessions } from './session.repo.ts';
import { updateUser } from './user.repo.ts';

export interface PasswordChange {
  current: string;
  next: string;
}

/**
 * Every signed-in person changes their own password here, and must after an admin's reset. The current
 * one is asked for (a session left open on a shared desk is not enough); the account's other sessions end.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: Actor,
  sessionId: number,
  input: PasswordChange,
): Promise<void> {
  const user = await requireAccount(db, actor, actor.userId);
  if (!(await verifyPassword(user.password_hash, input.current))) {
    throw new AppError('INVALID_INPUT', '現在のパスワードが正しくありません。もう一度入力してください。', {
      field: 'current',
    });
  }
  if ([...input.next].length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'INVALID_INPUT',
      `新しいパスワードは${MIN_PASSWORD_LENGTH}文字以上で入力してください。`,
      { field: 'next' },
    );
  }
  if (input.next === input.current) {
    throw new AppError('INVALID_INPUT', '新しいパスワードには、現在と違うものを入力してください。', {
      field: 'next',
    });
  }
  const passwordHash = await hashPassword(input.next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0 });
    await deleteOtherSessions(trx, user.id, sessionId);
    await appendAudit(trx, actor, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
      summary: `user ${user.login} changed their password`,
      after: { login: user.login },
    });
  });
}
