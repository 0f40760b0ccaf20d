import { readFileSync } from 'node:fs';
import type { Context, Env, Hono, Schema } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { renderPage } from '../../views/render.tsx';
import { buildDownload, parseEncoding } from './download.ts';
import { OpenDataPage } from './open-data.page.tsx';
import { presentOpenData } from './open-data.presenter.ts';
import { type OpenDataFile, openDataFiles, openDataUrls } from './open-data.urls.ts';

const css = readFileSync(new URL('./open-data.css', import.meta.url));

/** The open-data catalog, its files and its stylesheet. */
export function registerOpenDataRoutes<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  db: Kysely<Database>,
): void {
  app.get(openDataUrls.stylesheet(), (c) =>
    c.body(new Uint8Array(css), 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  app.get(openDataUrls.catalog(), async (c) =>
    c.html(await renderPage(<OpenDataPage view={await presentOpenData(db)} />)),
  );

  for (const file of openDataFiles) {
    const handler = (c: Context) => serveFile(c, db, file);
    app.get(`/open-data/:code/:year{[0-9]{4}}/${file}`, handler);
    app.get(`/open-data/:code/:year{[0-9]{4}}/:department{[0-9]+}/${file}`, handler);
  }
}

async function serveFile(c: Context, db: Kysely<Database>, file: OpenDataFile): Promise<Response> {
  const department = c.req.param('department');
  const download = await buildDownload(db, {
    code: c.req.param('code') ?? '',
    planYear: Number(c.req.param('year')),
    departmentId: department === undefined ? undefined : Number(department),
    file,
    encoding: parseEncoding(c.req.query('encoding'), file),
  });
  return c.body(new Uint8Array(download.body), 200, download.headers);
}
