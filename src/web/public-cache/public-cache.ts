import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { versionReader } from '../../domain/publication/version.ts';
import { isHttps, SESSION_COOKIE } from '../../http/cookies.ts';
import type { AppEnv } from '../../http/env.ts';
import { ByteLru } from './lru.ts';
import { isNotModified, versionStamp } from './validators.ts';

/** Citizens' pages: the catalogue, a city's pages and files, search and open data. Never staff, API or assets. */
const PUBLIC = [/^\/$/, /^\/m\/[^/]+(\/|$)/, /^\/search$/, /^\/open-data(\/|$)/];

/** Revalidate on every use: a proxy may keep the page, but asks (If-None-Match) before serving it again. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

interface Entry {
  /** Publication version and Tokyo day the page was rendered for. */
  stamp: string;
  storedAt: number;
  etag: string;
  status: number;
  /**
   * Every header of the answer as the whole app wrote it (security headers included), as a plain object and
   * the body as bytes: the Node adapter writes those straight to the socket, with no Response object built.
   */
  headers: Record<string, string>;
  /** The same without the body's own headers, for a 304. */
  notModified: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  bytes: number;
}

export interface PublicCacheOptions {
  /** Memory the rendered pages may take (bytes); 0 turns the cache off. */
  maxBytes: number;
  /**
   * How long a page is trusted without a new version (ms). Versions are audit ids; on PostgreSQL two
   * transactions may commit out of id order, so a page rendered between them is re-rendered after this.
   */
  ttlMs?: number;
  /**
   * How long a publication version read from the database is trusted (ms): the longest another app server's
   * change may take to show here. A change through this process shows at once (domain/publication/version.ts).
   */
  versionTtlMs?: number;
  /** What "now" is (tests move it across midnight). */
  now?: () => Date;
}

/** Which municipality's version a path depends on; undefined for pages that span every city. */
function municipalityOf(path: string): string | undefined {
  const m = /^\/(?:m|open-data)\/([^/]+)/.exec(path);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/**
 * Public pages cached by publication version: a page is rendered once per version of its municipality and per
 * Tokyo calendar day (pages name the current 年度 and deadlines), answered from memory after that, and with 304
 * to a client or proxy that already holds it (the ETag is a hash of the bytes). Anyone who sends a session
 * cookie gets fresh, uncached pages: a signed-in person may see drafts.
 *
 * Registered first of all middleware: a cached answer is the whole answer (the security headers were stored
 * with it), so an anonymous visitor's request costs no session lookup, no body limit and no query.
 */
export function publicCache(db: Kysely<Database>, options: PublicCacheOptions): MiddlewareHandler<AppEnv> {
  if (options.maxBytes <= 0) return async (_c, next) => next();
  const cache = new ByteLru<Entry>(options.maxBytes);
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const version = versionReader(db, { ttlMs: options.versionTtlMs });
  const inFlight = new Map<string, Promise<Entry | undefined>>();

  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      !PUBLIC.some((p) => p.test(path)) ||
      getCookie(c, SESSION_COOKIE)
    ) {
      return next();
    }
    const at = now();
    const { stamp, lastModified } = versionStamp(await version(municipalityOf(path)), at);
    // HSTS is sent over TLS only: the same page is kept once per scheme.
    const url = c.req.url;
    const query = url.indexOf('?');
    const key = `${isHttps(c) ? 'https' : 'http'} ${path}${query < 0 ? '' : url.slice(query)}`;
    // An entry answers only for its own stamp, so its Last-Modified is this one.
    const answer = (entry: Entry) =>
      isNotModified(c.req.raw.headers, entry.etag, lastModified)
        ? new Response(null, { status: 304, headers: entry.notModified })
        : new Response(method === 'HEAD' ? null : entry.body, {
            status: entry.status,
            headers: entry.headers,
          });
    const hit = cache.get(key);
    if (hit && hit.stamp === stamp && at.getTime() - hit.storedAt < ttlMs) return answer(hit);

    // Simultaneous first requests for one page (ten PDFs after a publish) wait for one render.
    const flightKey = `${stamp} ${key}`;
    const pending = inFlight.get(flightKey);
    if (pending) {
      const shared = await pending;
      if (shared) return answer(shared);
    }
    const leads = !pending && method === 'GET';
    let settle: (entry: Entry | undefined) => void = () => undefined;
    if (leads) inFlight.set(flightKey, new Promise((resolve) => (settle = resolve)));
    try {
      const entry = await render(c, next, { key, stamp, lastModified, storedAt: at.getTime() });
      settle(entry);
      if (entry) c.res = answer(entry);
    } finally {
      settle(undefined);
      if (leads) inFlight.delete(flightKey);
    }
  };

  async function render(
    c: Context<AppEnv>,
    next: Next,
    meta: { key: string; stamp: string; lastModified: string; storedAt: number },
  ): Promise<Entry | undefined> {
    await next();
    const res = c.res;
    // Routes that chose their own caching, refusals and errors pass through untouched.
    if (res.status !== 200 || res.headers.has('Cache-Control') || res.headers.has('Set-Cookie'))
      return undefined;
    if (c.req.method === 'HEAD') return undefined;
    const body = new Uint8Array(await res.arrayBuffer());
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const headers: Record<string, string> = {};
    const notModified: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
      if (!name.startsWith('content-') || name === 'content-security-policy') notModified[name] = value;
    });
    for (const each of [headers, notModified]) Object.assign(each, validatorHeaders(etag, meta.lastModified));
    const entry = {
      ...meta,
      etag,
      status: res.status,
      headers,
      notModified,
      body,
      bytes: body.byteLength + meta.key.length * 2,
    };
    cache.set(meta.key, entry);
    return entry;
  }
}

function validatorHeaders(etag: string, lastModified: string): Record<string, string> {
  return { etag, 'last-modified': lastModified, 'cache-control': PUBLIC_CACHE_CONTROL };
}
