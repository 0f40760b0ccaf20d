import { readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { canAnywhere } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.service.ts';
import { AppError, type ErrorCode, httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { decodeInput } from '../../importer/decode.ts';
import { isPlausiblePlanYear } from '../../importer/import-governance.ts';
import { MAX_RENDERED_PAGES } from '../../importer/pdf/page-render.ts';
import {
  confirmPendingImport,
  loadPendingImport,
  loadPendingUpload,
  type PendingImport,
  stagePendingImport,
} from '../../importer/pending/pending-import.service.ts';
import { forgetPageImages, pendingPageImages } from '../../importer/pending/pending-pages.ts';
import { logger } from '../../logger.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { registerBatchImportRoutes, stageBatch } from './batch.routes.tsx';
import { PreviewPage, type PreviewView } from './preview.page.tsx';
import { ResultPage } from './result.page.tsx';
import { sourcePagesView } from './source-pages.tsx';
import { UploadPage } from './upload.page.tsx';
import { uploadRefusal } from './upload-refusal.ts';

const css = readFileSync(new URL('./import.css', import.meta.url), 'utf8');

export function registerImportRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get('/assets/import.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/staff/import', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    requireSession(c);
    return c.html(await renderPage(<UploadPage view={{ csrfToken: c.get('csrfToken') }} />));
  });

  // The size limit for this upload is the app-wide one in request-body.ts (it runs before the CSRF check reads the body).
  app.post('/staff/import', async (c) => {
    const { actor } = requireSession(c);
    const posted = (await formBody(c, { all: true })).file;
    const chosen = (Array.isArray(posted) ? posted : [posted]).filter((f): f is File => f instanceof File);
    // No file chosen is a form mistake; a chosen empty file goes to the reader, which says it is empty.
    const files = chosen.filter((f) => !(f.size === 0 && f.name === ''));
    if (files.length > 1) return stageBatch(c, db, actor, files);
    const file = files[0];
    if (file === undefined) {
      throw new AppError('INVALID_INPUT', 'ファイルを選んでください', { field: 'file' });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const pending = await stagePendingImport(db, actor, file.name, bytes);
      // Drawing the pages starts now, while the browser follows the redirect to the preview.
      void pendingPageImages(pending);
      return c.redirect(`/staff/import/${pending.token}`, 303);
    } catch (error) {
      const refusal = uploadRefusal(error, file.name, bytes);
      if (!refusal) throw error;
      const view = { csrfToken: c.get('csrfToken'), error: refusal };
      return c.html(await renderPage(<UploadPage view={view} />), 422);
    }
  });

  registerBatchImportRoutes(app, db);

  // One page of a waiting PDF upload, as a PNG: only for the person who uploaded it (anyone else's
  // token is not found, in Japanese, as for the preview itself).
  app.get('/staff/import/:token/pages/:page{[0-9]{1,3}}', async (c) => {
    const { actor } = requireSession(c);
    const upload = await loadPendingUpload(db, actor, c.req.param('token'));
    const images = await pendingPageImages(upload);
    const wanted = Number(c.req.param('page'));
    const page = images.status === 'ready' ? images.pages.find((p) => p.page === wanted) : undefined;
    if (!page) {
      throw new AppError(
        'NOT_FOUND',
        'このページの画像はありません。取り込み内容の確認画面に戻って、表示されているページを開いてください。',
      );
    }
    return c.body(page.png, 200, {
      'Content-Type': 'image/png',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': `inline; filename="page-${wanted}.png"`,
    });
  });

  const previewOf = async (
    c: Context<AppEnv>,
    actor: Actor,
    pending: PendingImport,
    refused?: PreviewView['refused'],
  ): Promise<PreviewView> => {
    const departments = (await listTopDepartments(db, actor.municipalityId)).map((d) => d.name);
    const lines = pending.source.format === 'text' ? decodeInput(pending.bytes).split('\n') : undefined;
    const sourcePages = sourcePagesView(await pendingPageImages(pending), MAX_RENDERED_PAGES);
    return {
      csrfToken: c.get('csrfToken'),
      token: pending.token,
      name: pending.name,
      documents: pending.source.documents,
      lines,
      departments,
      sourcePages,
      canPublish: canAnywhere(actor, 'import.publish'),
      implausibleYears: pending.source.documents
        .map((d) => d.plan.fiscalYear)
        .filter((y) => !isPlausiblePlanYear(y, new Date())),
      refused,
    };
  };

  app.get('/staff/import/:token', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const pending = await loadPendingImport(db, actor, c.req.param('token'));
    return c.html(await renderPage(<PreviewPage view={await previewOf(c, actor, pending)} />));
  });

  app.post('/staff/import/:token', async (c) => {
    const { actor } = requireSession(c);
    const form = await formBody(c);
    const planYear =
      typeof form.planYear === 'string' && /^\d{4}$/.test(form.planYear) ? Number(form.planYear) : undefined;
    const department = typeof form.department === 'string' ? form.department : undefined;
    const choices = { published: form.published === 'on', allowYear: form.allowYear === 'on' };
    try {
      const result = await confirmPendingImport(
        db,
        actor,
        c.req.param('token'),
        { department, planYear },
        choices,
      );
      forgetPageImages(c.req.param('token'));
      return c.html(await renderPage(<ResultPage result={result} />));
    } catch (error) {
      // A refusal the person can act on stays on the preview, with what they chose kept.
      if (!(error instanceof AppError) || !REFUSALS_SHOWN_ON_PREVIEW.has(error.code)) throw error;
      logger.info({ code: error.code, detail: error.describe() }, 'import confirmation refused');
      const pending = await loadPendingImport(db, actor, c.req.param('token'));
      const refused = {
        message: error.message,
        field: error.location.field,
        department,
        planYear,
        ...choices,
      };
      const view = await previewOf(c, actor, pending, refused);
      return c.html(await renderPage(<PreviewPage view={view} />), httpStatusOf(error.code) as 400);
    }
  });
}

const REFUSALS_SHOWN_ON_PREVIEW: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'LOCKED', 'FORBIDDEN']);
