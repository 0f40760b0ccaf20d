import type { Context } from 'hono';
import type { SessionContext } from '../../domain/auth/session.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';

/** The signed-in staff member; pages redirect anonymous visitors to the login form first. */
export function requireSession(c: Context<AppEnv>): SessionContext {
  const session = c.get('session');
  if (!session) throw new AppError('UNAUTHENTICATED', 'ログインが必要です。');
  return session;
}

export function loginRedirect(c: Context<AppEnv>): Response | undefined {
  if (c.get('session')) return undefined;
  const next = new URL(c.req.url).pathname + new URL(c.req.url).search;
  return c.redirect(`/login?next=${encodeURIComponent(next)}`);
}
