import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Env, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { renderPage } from '../../views/render.tsx';
import { searchUrls } from '../../views/search.urls.ts';
import { SearchPage } from './search.page.tsx';
import { readSearchQuery } from './search.params.ts';
import { presentSearch } from './search.presenter.ts';

const css = new Uint8Array(readFileSync(new URL('./search.css', import.meta.url)));
const cssEtag = `"${createHash('sha256').update(css).digest('base64url').slice(0, 27)}"`;

/** The public search page (GET /search) and its stylesheet. */
export function registerSearchRoutes<E extends Env>(app: Hono<E>, db: Kysely<Database>): void {
  app.get(searchUrls.stylesheet(), (c) => {
    const headers = {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      ETag: cssEtag,
    };
    if (c.req.header('If-None-Match') === cssEtag) return c.body(null, 304, headers);
    return c.body(css, 200, headers);
  });

  app.get(searchUrls.page(), async (c) => {
    const view = await presentSearch(
      db,
      readSearchQuery((name) => c.req.query(name)),
    );
    return c.html(await renderPage(<SearchPage view={view} />));
  });
}
