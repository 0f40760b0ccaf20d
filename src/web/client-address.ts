import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { loadWebConfig } from '../config.ts';

/**
 * Who is asking, for rate limits: the socket's peer, or, only behind our own reverse proxy
 * (TRUST_PROXY=1), the address it put first in X-Forwarded-For. Trusted anywhere else, the header
 * would let a guesser pick a fresh address for every attempt.
 */
export function clientAddress(c: Context): string {
  if (loadWebConfig().trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
