import type { MiddlewareHandler } from 'hono';
import { isHttps } from '../http/cookies.ts';
import type { AppEnv } from '../http/env.ts';

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "frame-ancestors 'none'",
  // No injected <base> may redirect relative links, and no form may post anywhere but here.
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Pages and answers that carry a person's session or credentials: never kept by a browser or proxy cache. */
const PRIVATE = [/^\/staff(\/|$)/, /^\/login$/, /^\/logout$/, /^\/api\//];

/**
 * Headers every response carries. HSTS only over TLS (directly, or from the trusted proxy): sent over
 * plain http it would be ignored at best, and on an LGWAN host without a certificate it must not stick.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Content-Security-Policy', CSP);
    if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const path = c.req.path;
    // A signed-in person's view of a public page may show drafts or controls: private too, unless the
    // route chose its own caching (stylesheets).
    // A route that already forbids storing (e.g. `private, no-store` on an image) keeps its own words.
    const ownNoStore = /\bno-store\b/.test(c.res.headers.get('Cache-Control') ?? '');
    if (
      !ownNoStore &&
      (PRIVATE.some((p) => p.test(path)) || (c.get('session') && !c.res.headers.has('Cache-Control')))
    )
      c.header('Cache-Control', 'no-store');
  };
}
