import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError, httpStatusOf } from '../errors.ts';
import { logger } from '../logger.ts';
import { ErrorPage } from './pages/error.page.tsx';
import { IchiranhyoPage } from './pages/ichiranhyo.page.tsx';
import { IndexPage } from './pages/index.page.tsx';
import { presentIchiranhyo, presentIndex } from './presenters/catalog.presenter.ts';
import { renderPage } from './render.tsx';
import { registerStatic } from './static.ts';

const yearParam = '{[0-9]{4}}';

export function createApp(db: Db): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
    );
    logger.debug({
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  registerStatic(app);

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(db.kysely);
    return c.json({ status: 'ok', engine: db.engine });
  });

  app.get('/', async (c) => c.html(await renderPage(<IndexPage view={await presentIndex(db.kysely)} />)));

  app.get('/m/:code', async (c) =>
    c.html(await renderPage(<IndexPage view={await presentIndex(db.kysely, c.req.param('code'))} />)),
  );

  app.get(`/m/:code/d/:id{[0-9]+}/:year{[0-9]{4}\\.json}`, async (c) => {
    const view = await presentIchiranhyo(
      db.kysely,
      c.req.param('code'),
      Number(c.req.param('id')),
      Number.parseInt(c.req.param('year'), 10),
    );
    return c.json(view.document);
  });

  app.get(`/m/:code/d/:id{[0-9]+}/:year${yearParam}`, async (c) => {
    const view = await presentIchiranhyo(
      db.kysely,
      c.req.param('code'),
      Number(c.req.param('id')),
      Number(c.req.param('year')),
    );
    return c.html(await renderPage(<IchiranhyoPage view={view} />));
  });

  app.notFound(async (c) =>
    c.html(await renderPage(<ErrorPage status={404} message="ページが見つかりません。" />), 404),
  );

  app.onError(async (error, c) => {
    const status = error instanceof AppError ? httpStatusOf(error.code) : 500;
    if (status >= 500) logger.error({ err: error, path: c.req.path }, 'request failed');
    const message = status === 404 ? 'ページが見つかりません。' : 'エラーが発生しました。';
    if (c.req.path.endsWith('.json') || c.req.header('accept')?.includes('application/json')) {
      return c.json(
        { error: { code: error instanceof AppError ? error.code : 'INTERNAL', message } },
        status as 404,
      );
    }
    return c.html(await renderPage(<ErrorPage status={status} message={message} />), status as 404);
  });

  return app;
}
