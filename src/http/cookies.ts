import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { loadWebConfig } from '../config.ts';

export const SESSION_COOKIE = 'mokuhyo_session';
export const CSRF_COOKIE = 'mokuhyo_csrf';

/** Secure when the request came over https (directly, or via a proxy we are told to trust). */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return loadWebConfig().trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function setSecureCookie(c: Context, name: string, value: string, options: CookieOptions = {}): void {
  setCookie(c, name, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c), ...options });
}
