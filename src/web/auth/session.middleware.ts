import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { resolveSession } from '../../domain/auth/session.service.ts';
import { AppError } from '../../errors.ts';
import { CSRF_COOKIE, SESSION_COOKIE, setSecureCookie } from '../../http/cookies.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Where a signed-out visitor is about to need a CSRF token: the login form (staff pages send them
 * there) and /api/me, from which an API client takes it before POST /api/session. Anywhere else an
 * anonymous visitor has no form to send, so the public portal sets no cookie at all.
 */
const SIGN_IN_PATHS = [/^\/login$/, /^\/staff(\/|$)/, /^\/api\/me$/];

/** Resolves the session cookie into `c.var.session` and provides the CSRF token forms must carry. */
export function sessionMiddleware(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(db, token) : undefined;
    c.set('session', session);
    let csrf = session?.csrfToken ?? getCookie(c, CSRF_COOKIE);
    if (!csrf) {
      csrf = randomBytes(24).toString('base64url');
      if (SIGN_IN_PATHS.some((p) => p.test(c.req.path))) setSecureCookie(c, CSRF_COOKIE, csrf);
    }
    c.set('csrfToken', csrf);
    await next();
  };
}

/**
 * Every state-changing request must echo the token (form field `_csrf` or header X-CSRF-Token) and,
 * when the browser says where it comes from, come from this origin.
 */
export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && !sameHost(origin, c.req.header('host'))) {
      throw new AppError(
        'FORBIDDEN',
        '別のサイトから送られた操作は受け付けません。このサイトのページを開いて、そこから操作してください。',
        {},
        { cause: 'cross-origin request refused' },
      );
    }
    const sent = c.req.header('x-csrf-token') ?? (await formToken(c));
    if (!sent || !equal(sent, c.get('csrfToken'))) {
      throw new AppError(
        'FORBIDDEN',
        'フォームの有効期限が切れたため、受け付けられませんでした。ページを再読み込みしてから、もう一度操作してください。',
        {},
        { cause: 'the form has expired or did not come from this site (CSRF token)' },
      );
    }
    return next();
  };
}

/** The form's `_csrf`; the body is parsed once and the route reuses it (the size limit ran before). */
async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  const value = (await formBody(c))._csrf;
  return typeof value === 'string' ? value : undefined;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
