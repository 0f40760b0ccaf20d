import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';

export const CHANGE_PASSWORD_URL = '/staff/settings/password';
/** What a person with a temporary password may still reach: the change itself, signing out, who am I. */
const ALLOWED = [/^\/staff\/settings\/password(\/|$)/, /^\/logout$/, /^\/login$/, /^\/api\/(me|session)$/];

/**
 * After an admin's reset the temporary password opens exactly one page: the one that replaces it.
 * Staff pages redirect there; the API and other writes are refused with what to do.
 */
export function passwordGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    const path = c.req.path;
    if (!session?.mustChangePassword || ALLOWED.some((p) => p.test(path))) return next();
    if (!path.startsWith('/staff') && !path.startsWith('/api/')) return next();
    if (c.req.method === 'GET' && path.startsWith('/staff')) return c.redirect(CHANGE_PASSWORD_URL, 303);
    throw new AppError(
      'FORBIDDEN',
      '仮パスワードのままでは操作できません。「パスワードの変更」の画面で、自分のパスワードに変更してください。',
      {},
      { cause: `${session.actor.login} must change the temporary password first` },
    );
  };
}
