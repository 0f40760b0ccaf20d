import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What anyone may send: signing in and out, marking their own inbox read, their own password. */
const OPEN = [
  /^\/login$/,
  /^\/logout$/,
  /^\/api\/session$/,
  /^\/staff\/inbox\//,
  /^\/staff\/settings\/password(\/sign-out-everywhere)?$/,
];

/**
 * Who may change anything at all is known before a route reads its body: nobody signed out (API;
 * staff pages send them to the login page themselves), and no one who only holds the viewer role.
 * Services still authorise the exact scope (department, year); the gate makes sure such a caller
 * hears 401 or 403, not a validation error about a body they may not send in the first place.
 */
export function writeGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (!UNSAFE.has(c.req.method) || OPEN.some((p) => p.test(path))) return next();
    if (!path.startsWith('/api/') && !path.startsWith('/staff/')) return next();
    const actor = c.get('session')?.actor;
    if (!actor) {
      if (path.startsWith('/api/'))
        throw new AppError('UNAUTHENTICATED', 'sign in first (POST /api/session)');
      return next();
    }
    if (!actor.grants.some((g) => g.role !== 'viewer')) {
      throw new AppError(
        'FORBIDDEN',
        '閲覧者のアカウントでは、内容を見ることはできますが変更はできません。変更が必要なときは、その部局の編集担当か企画担当（全庁）に依頼してください。',
        {},
        { cause: `${actor.login}: the viewer role may read but not change anything` },
      );
    }
    return next();
  };
}
