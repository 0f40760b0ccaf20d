import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono, Schema } from 'hono';

/**
 * Our stylesheet, the Digital Agency design tokens and the self-hosted BIZ UDPGothic web font
 * (split into unicode-range subsets), all served from the app itself: no CDN, works offline.
 */
interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  etag: string;
  cacheControl: string;
}

const CSS_TYPE = 'text/css; charset=utf-8';
/** Stylesheets change with deploys; revalidate via ETag after an hour. */
const CSS_CACHE = 'public, max-age=3600';
/** Font files only change with the font package; keep them a week. */
const FONT_CACHE = 'public, max-age=604800';
const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff' };
const FONT_NAME = /^biz-udpgothic-[a-z0-9-]+\.(woff2|woff)$/;
const FONT_URL_PREFIX = '/assets/fonts/';

function packagePath(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

function asset(content: string | Uint8Array, type: string, cacheControl: string): Asset {
  const body = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, type, etag, cacheControl };
}

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

const fontDir = once(() => dirname(packagePath('@fontsource/biz-udpgothic/400.css')));

/** The package's 400 and 700 stylesheets, pointed at our font route; woff2 only (every current browser). */
const fontCss = once(() => {
  const css = ['400.css', '700.css'].map((f) => readFileSync(join(fontDir(), f), 'utf8')).join('\n');
  const rewritten = css
    .replace(/,\s*url\(\.\/files\/[^)]+\.woff\)\s*format\('woff'\)/g, '')
    .replace(/url\(\.\/files\//g, `url(${FONT_URL_PREFIX}`);
  return asset(rewritten, CSS_TYPE, CSS_CACHE);
});

/** Names that may be served, read once; anything else (including `..`) is a 404. */
const fontNames = once(() => new Set(readdirSync(join(fontDir(), 'files')).filter((n) => FONT_NAME.test(n))));
const fontCache = new Map<string, Asset>();

function font(name: string): Asset | undefined {
  if (!FONT_NAME.test(name) || !fontNames().has(name)) return undefined;
  let cached = fontCache.get(name);
  if (!cached) {
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const type = FONT_TYPES[ext];
    if (!type) return undefined;
    cached = asset(readFileSync(join(fontDir(), 'files', name)), type, FONT_CACHE);
    fontCache.set(name, cached);
  }
  return cached;
}

/** Our stylesheets, in cascade order; /assets/app.css is their concatenation. */
const APP_CSS_PARTS = ['base.css', 'index.css', 'ichiranhyo.css', 'table.css'];
const readOwnCss = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./assets/styles/${name}`, import.meta.url)), 'utf8');
const appCss = once(() => asset(APP_CSS_PARTS.map(readOwnCss).join('\n'), CSS_TYPE, CSS_CACHE));
const printCss = once(() => asset(readOwnCss('print.css'), CSS_TYPE, CSS_CACHE));
const tokensCss = once(() =>
  asset(readFileSync(packagePath('@digital-go-jp/design-tokens/dist/tokens.css')), CSS_TYPE, CSS_CACHE),
);

/** The one client script (unsaved-changes warning); pages work without it. */
const unsavedGuardJs = once(() =>
  asset(
    readFileSync(fileURLToPath(new URL('./assets/scripts/unsaved-guard.js', import.meta.url)), 'utf8'),
    'text/javascript; charset=utf-8',
    CSS_CACHE,
  ),
);

function send(c: Context, a: Asset): Response {
  const headers = {
    'Content-Type': a.type,
    'Cache-Control': a.cacheControl,
    ETag: a.etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (c.req.header('If-None-Match') === a.etag) return c.body(null, 304, headers);
  return c.body(a.body, 200, headers);
}

export function registerStatic<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>): void {
  app.get('/assets/app.css', (c) => send(c, appCss()));
  app.get('/assets/print.css', (c) => send(c, printCss()));
  app.get('/assets/tokens.css', (c) => send(c, tokensCss()));
  app.get('/assets/unsaved-guard.js', (c) => send(c, unsavedGuardJs()));
  app.get(`${FONT_URL_PREFIX}biz-udpgothic.css`, (c) => send(c, fontCss()));
  app.get(`${FONT_URL_PREFIX}:name`, (c) => {
    const a = font(c.req.param('name') ?? '');
    return a ? send(c, a) : c.notFound();
  });
}
