import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { createApi } from '../api/api-app.ts';
import { loadWebConfig } from '../config.ts';
import { engineOf } from '../db/database.ts';
import { pingDatabase } from '../db/health.ts';
import type { Database } from '../db/schema.ts';
import { isStaleError } from '../domain/goals/goal-edit.types.ts';
import { attachmentDisposition } from '../domain/vocabulary/file-names.ts';
import { isPhaseIncomplete } from '../domain/workflow/completeness.ts';
import { AppError, httpStatusOf, RateLimitedError } from '../errors.ts';
import { writeWorkbook } from '../exporters/xlsx/write-workbook.ts';
import type { AppEnv } from '../http/env.ts';
import { requestBodyLimit } from '../http/request-body.ts';
import { logger } from '../logger.ts';
import { presentIchiranhyo, presentIndex } from '../presenters/catalog.presenter.ts';
import { renderPage } from '../views/render.tsx';
import { registerStatic } from '../views/static.ts';
import { registerAuditRoutes } from './audit/audit.routes.tsx';
import { registerAuthRoutes } from './auth/auth.routes.tsx';
import { passwordGate } from './auth/password-gate.ts';
import { csrfMiddleware, sessionMiddleware } from './auth/session.middleware.ts';
import { writeGate } from './auth/write-gate.ts';
import { isForPeople } from './components/people-text.ts';
import { registerDashboardRoutes } from './dashboard/dashboard.routes.tsx';
import { registerEditorRoutes } from './editor/editor.routes.tsx';
import { registerEvaluationRoutes } from './evaluation/evaluation.routes.tsx';
import { registerImportRoutes } from './import/import.routes.tsx';
import { registerImportHistoryRoutes } from './import/import-history.routes.tsx';
import { uploadTooLargePage } from './import/upload-too-large.tsx';
import { registerLineageRoutes } from './lineage/lineage.routes.tsx';
import { registerOpenDataRoutes } from './open-data/open-data.routes.tsx';
import { ErrorPage } from './pages/error.page.tsx';
import { IchiranhyoPage } from './pages/ichiranhyo.page.tsx';
import { IndexPage } from './pages/index.page.tsx';
import { registerPrintRoutes } from './print/print.routes.tsx';
import { publicCache } from './public-cache/public-cache.ts';
import { registerSearchRoutes } from './search/search.routes.tsx';
import { securityHeaders } from './security-headers.ts';
import { registerAccountRoutes } from './settings/accounts.routes.tsx';
import { registerDeadlineRoutes } from './settings/deadlines.routes.tsx';
import { registerGradeScaleRoutes } from './settings/grade-scale.routes.tsx';
import { registerInterimPublicationRoutes } from './settings/interim-publication.routes.tsx';
import { registerMunicipalityRoutes } from './settings/municipality.routes.tsx';
import { registerOrganisationRoutes } from './settings/organisation.routes.tsx';
import { registerPasswordRoutes } from './settings/password.routes.tsx';
import { registerReorganisationRoutes } from './settings/reorganisation.routes.tsx';
import { registerSearchVariantRoutes } from './settings/search-variants.routes.tsx';
import { registerStaffRoutes } from './staff/staff.routes.tsx';
import { staffHeader } from './staff/staff-header.ts';
import { gapLinks } from './workflow/gap-links.ts';
import { registerWorkflowRoutes } from './workflow/workflow.routes.tsx';

const yearParam = '{[0-9]{4}}';

export function createApp(db: Kysely<Database>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // First of all: an anonymous public page answered from the cache is the whole answer, security headers and
  // all (they were stored with it), so it costs no session lookup and no query. Misses render through the rest.
  app.use(publicCache(db, { maxBytes: loadWebConfig().pageCacheBytes }));
  // Outermost but the cache, so that every answer carries them, refusals of the body limit included.
  app.use(securityHeaders());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.debug({
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  registerStatic(app);
  app.use(sessionMiddleware(db));
  // Lazy (read only when a page is drawn), so early answers such as the upload form's 413 carry it too.
  app.use(staffHeader(db));
  // Before anything that reads a body (CSRF check, routes); after the session, which decides who may upload.
  app.use(requestBodyLimit({ refusals: { '/staff/import': uploadTooLargePage } }));
  app.use(csrfMiddleware());
  app.use(writeGate());
  app.use(passwordGate());
  registerAuthRoutes(app, db);
  registerStaffRoutes(app, db);
  registerEditorRoutes(app, db);
  registerWorkflowRoutes(app, db);
  registerAuditRoutes(app, db);
  registerImportHistoryRoutes(app, db);
  registerImportRoutes(app, db);
  app.route('/api', createApi(db));
  registerOpenDataRoutes(app, db);
  registerPrintRoutes(app, db);
  registerDashboardRoutes(app, db);
  registerEvaluationRoutes(app, db);
  registerGradeScaleRoutes(app, db);
  registerInterimPublicationRoutes(app, db);
  registerReorganisationRoutes(app, db);
  registerSearchVariantRoutes(app, db);
  registerAccountRoutes(app, db);
  registerOrganisationRoutes(app, db);
  registerMunicipalityRoutes(app, db);
  registerPasswordRoutes(app, db);
  registerDeadlineRoutes(app, db);
  registerLineageRoutes(app, db);
  registerSearchRoutes(app, db);

  app.get('/healthz', async (c) => {
    await pingDatabase(db);
    return c.json({ status: 'ok', engine: engineOf(db) });
  });

  app.get('/', async (c) => c.html(await renderPage(<IndexPage view={await presentIndex(db)} />)));

  app.get('/m/:code', async (c) =>
    c.html(await renderPage(<IndexPage view={await presentIndex(db, c.req.param('code'))} />)),
  );

  app.get(`/m/:code/d/:id{[0-9]+}/:year{[0-9]{4}\\.json}`, async (c) => {
    const view = await presentIchiranhyo(
      db,
      c.req.param('code'),
      Number(c.req.param('id')),
      Number.parseInt(c.req.param('year'), 10),
    );
    return c.json(view.document);
  });

  app.get(`/m/:code/d/:id{[0-9]+}/:year{[0-9]{4}\\.xlsx}`, async (c) => {
    const view = await presentIchiranhyo(
      db,
      c.req.param('code'),
      Number(c.req.param('id')),
      Number.parseInt(c.req.param('year'), 10),
    );
    const body = await writeWorkbook([view]);
    const name = `${view.municipality.name}_${view.department.name}_${view.document.plan.fiscalYear}.xlsx`;
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachmentDisposition(name, 'ichiranhyo.xlsx'),
    });
  });

  app.get(`/m/:code/d/:id{[0-9]+}/:year${yearParam}`, async (c) => {
    const view = await presentIchiranhyo(
      db,
      c.req.param('code'),
      Number(c.req.param('id')),
      Number(c.req.param('year')),
      { marks: c.req.query('marks') === '1' },
    );
    return c.html(await renderPage(<IchiranhyoPage view={view} />));
  });

  app.notFound(async (c) =>
    c.html(await renderPage(<ErrorPage status={404} message="ページが見つかりません。" />), 404),
  );

  app.onError(async (error, c) => {
    // Hono's own 4xx (a body that is not the declared media type, …) are the client's to fix, not ours.
    const clientHttp = error instanceof HTTPException && error.status < 500;
    const status = error instanceof AppError ? httpStatusOf(error.code) : clientHttp ? error.status : 500;
    if (status >= 500 && !(error instanceof RateLimitedError))
      logger.error({ err: error, path: c.req.path }, 'request failed');
    // Refusals that say something about the client (junk bodies, floods, guessing) are worth a line, not a stack.
    else if (error instanceof AppError && WARN_CODES.has(error.code))
      logger.warn(
        { code: error.code, method: c.req.method, path: c.req.path, reason: reasonOf(error) },
        'request refused',
      );
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    // Our own errors are written for the person reading them; anything else stays generic.
    const detail =
      error instanceof AppError && status < 500 ? error.message : clientHttp ? error.message : undefined;
    if (
      c.req.path.startsWith('/api/') ||
      c.req.path.endsWith('.json') ||
      c.req.header('accept')?.includes('application/json')
    ) {
      const code = error instanceof AppError ? error.code : status < 500 ? 'INVALID_INPUT' : 'INTERNAL';
      const field = error instanceof AppError ? error.location.field : undefined;
      // A stale save answers with what won, so an API client can show it (as the editor page does).
      const current = isStaleError(error) ? error.current : undefined;
      const gaps = isPhaseIncomplete(error)
        ? gapLinks(error.departmentId, error.year, error.gaps)
        : undefined;
      return c.json(
        { error: { code, message: detail ?? messageFor(status), field, current, gaps } },
        status as 404,
      );
    }
    // A page shows only sentences written for people; an English message stays in the log.
    const shown = detail !== undefined && isForPeople(detail) ? detail : undefined;
    if (detail !== undefined && shown === undefined)
      logger.info({ status, path: c.req.path, detail }, 'English detail kept from the page');
    // A refusal that says what and whom to ask needs no general sentence above it.
    const message = shown && status === 403 ? shown : messageFor(status);
    return c.html(
      await renderPage(<ErrorPage status={status} message={message} detail={shown} />),
      status as 404,
    );
  });

  return app;
}

const WARN_CODES = new Set(['MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'FORBIDDEN', 'BUSY']);

/** The English behind a refusal (`login may not action`), for whoever reads the log. */
const reasonOf = (error: AppError) => (typeof error.cause === 'string' ? error.cause : error.message);

function messageFor(status: number): string {
  if (status === 404) return 'ページが見つかりません。';
  if (status === 403)
    return 'この操作を行う権限がないか、フォームの有効期限が切れています。ページを再読み込みしてからやり直してください。';
  if (status === 401) return 'ログインが必要です。';
  if (status === 409) return '他の人が先に変更したため、保存できませんでした。';
  if (status === 413) return '送信された内容が大きすぎます。小さくしてから、もう一度送信してください。';
  if (status === 429) return '試行が多すぎます。しばらく時間をおいてから、もう一度お試しください。';
  if (status < 500) return '入力内容を確認してください。';
  if (status === 503) return 'ただいま混み合っています。しばらく待ってから、もう一度お試しください。';
  return 'エラーが発生しました。';
}
