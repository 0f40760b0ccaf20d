import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { loadWebConfig } from '../config.ts';

/**
 * Who is asking, for rate limits: the socket's peer, or, only behind our own reverse proxy
 * (TRUST_PROXY=1), the last address in X-Forwarded-For, the one that proxy saw. Earlier entries are
 * whatever the client sent (nginx's $proxy_add_x_forwarded_for appends), and trusted they would let
 * a guesser pick a fresh address for every attempt.
 */
export function clientAddress(c: Context): string {
  if (loadWebConfig().trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
