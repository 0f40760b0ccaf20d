import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { LineagePage, lineageStylesheet } from './lineage.page.tsx';
import { presentLineage } from './lineage.presenter.ts';

const css = `
.lineage-thread { margin: 1.5rem 0; }
.lineage-thread h2 { font-size: var(--font-size-20, 1.25rem); }
.lineage-steps { list-style: none; padding: 0; border-left: 3px solid #b3b3b3; }
.lineage-step { margin: 0.5rem 0; padding-left: 1rem; }
.lineage-step__head { margin: 0; font-weight: 700; }
.lineage-title { margin: 0.25rem 0 0; }
.lineage-mark { display: inline-block; margin-left: 0.25rem; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 4px; font-weight: 400; }
.lineage-mark--new { color: #00479e; background: #e8f1fe; }
.lineage-mark--continued { color: #0c472a; background: #e6f5ec; }
.lineage-mark--ended { color: #333; background: #f2f2f2; }
.lineage-diff ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e6f5ec; }
.lineage-diff del { text-decoration: line-through; background: #fdeeee; }
.lineage-hint { font-size: var(--font-size-14, 0.875rem); color: #333; }
`;

/** Public: how a department's published goals carried on, began and ended across the years. */
export function registerLineageRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(lineageStylesheet, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css);
  });

  // `lineage` never matches the table route's `:year{[0-9]{4}}`, so the two cannot collide.
  app.get('/m/:code/d/:id{[0-9]+}/lineage', async (c) => {
    const view = await presentLineage(db, c.req.param('code'), Number(c.req.param('id')));
    return c.html(await renderPage(<LineagePage view={view} />));
  });
}
