import type { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { login, logout, SESSION_IDLE_MS } from '../../domain/auth/session.service.ts';
import { AppError, RateLimitedError } from '../../errors.ts';
import { clientAddress } from '../../http/client-address.ts';
import { isHttps, SESSION_COOKIE, setSecureCookie } from '../../http/cookies.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { LoginPage } from './login.page.tsx';

const AFTER_LOGIN = '/staff';

/**
 * Only same-site paths: an open redirect after login would hand phishers a trusted link. Browsers
 * drop TAB and newlines from Location (`/\t/evil` becomes `//evil`) and treat `\` as `/`, and Node
 * refuses control characters in a header, so none of them may appear, raw or percent-encoded.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !isLocalPath(value)) return AFTER_LOGIN;
  try {
    if (!isLocalPath(decodeURIComponent(value))) return AFTER_LOGIN;
    // Location must be ASCII; our own links already are, anything else is escaped rather than refused.
    return value.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
  } catch {
    // A broken escape or a lone surrogate: not a link this site made.
    return AFTER_LOGIN;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here.
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;
const isLocalPath = (path: string) => /^\/[^/]/.test(path) && !UNSAFE_IN_PATH.test(path);

export function registerAuthRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get('/login', async (c) => {
    if (c.get('session')) return c.redirect('/staff');
    const next = c.req.query('next');
    return c.html(await renderPage(<LoginPage view={{ csrfToken: c.get('csrfToken'), next }} />));
  });

  app.post('/login', async (c) => {
    const form = await formBody(c);
    const loginId = typeof form.login === 'string' ? form.login : '';
    const password = typeof form.password === 'string' ? form.password : '';
    try {
      const { token } = await login(db, { login: loginId, password, client: clientAddress(c) });
      setSecureCookie(c, SESSION_COOKIE, token, { maxAge: SESSION_IDLE_MS / 1000 });
      return c.redirect(safeNext(form.next), 303);
    } catch (error) {
      const limited = error instanceof RateLimitedError;
      if (!limited && !(error instanceof AppError && error.code === 'UNAUTHENTICATED')) throw error;
      if (limited) c.header('Retry-After', String(error.retryAfterSeconds));
      const view = {
        csrfToken: c.get('csrfToken'),
        login: loginId,
        error: error.message,
        next: safeNext(form.next),
      };
      return c.html(await renderPage(<LoginPage view={view} />), limited ? 429 : 401);
    }
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logout(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
    return c.redirect('/', 303);
  });
}
