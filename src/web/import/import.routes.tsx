import { readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { canAnywhere } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.repo.ts';
import { AppError, type ErrorCode, httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { decodeForDisplay, decodeInput } from '../../importer/decode.ts';
import { isPlausiblePlanYear } from '../../importer/import-governance.ts';
import {
  confirmPendingImport,
  loadPendingImport,
  type PendingImport,
  stagePendingImport,
} from '../../importer/pending/pending-import.service.ts';
import { logger } from '../../logger.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { registerBatchImportRoutes, stageBatch } from './batch.routes.tsx';
import { importErrorText, uploadKindOf } from './import-error-text.ts';
import { PreviewPage, type PreviewView } from './preview.page.tsx';
import { ResultPage } from './result.page.tsx';
import { UploadPage } from './upload.page.tsx';

const css = readFileSync(new URL('./import.css', import.meta.url), 'utf8');

export function registerImportRoutes(app: Hono<AppEnv>, db: Db): void {
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
      const pending = await stagePendingImport(db.kysely, actor, file.name, bytes);
      return c.redirect(`/staff/import/${pending.token}`, 303);
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        !['PARSE_ERROR', 'NOT_A_DOCUMENT', 'INVALID_INPUT', 'IMPORT_TOO_COMPLEX'].includes(error.code)
      ) {
        throw error;
      }
      const { line } = error.location;
      const kind = uploadKindOf(bytes);
      logger.warn(
        { code: error.code, detail: error.describe(), cause: String(error.cause ?? '') },
        'import refused',
      );
      const shownLine = kind === 'xlsx' ? undefined : line;
      const where = [file.name, shownLine === undefined ? undefined : `${shownLine}行目`]
        .filter(Boolean)
        .join(' ');
      const sourceLine = shownLine === undefined ? undefined : safeLine(bytes, shownLine);
      const message = importErrorText(error, kind);
      const view = { csrfToken: c.get('csrfToken'), error: { message, where, sourceLine } };
      return c.html(await renderPage(<UploadPage view={view} />), 422);
    }
  });

  registerBatchImportRoutes(app, db);

  const previewOf = async (
    c: Context<AppEnv>,
    actor: Actor,
    pending: PendingImport,
    refused?: PreviewView['refused'],
  ): Promise<PreviewView> => {
    const departments = (await listTopDepartments(db.kysely, actor.municipalityId)).map((d) => d.name);
    const lines = pending.source.format === 'text' ? decodeInput(pending.bytes).split('\n') : undefined;
    return {
      csrfToken: c.get('csrfToken'),
      token: pending.token,
      name: pending.name,
      documents: pending.source.documents,
      lines,
      departments,
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
    const pending = await loadPendingImport(db.kysely, actor, c.req.param('token'));
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
      return c.html(await renderPage(<ResultPage result={result} />));
    } catch (error) {
      // A refusal the person can act on stays on the preview, with what they chose kept.
      if (!(error instanceof AppError) || !REFUSALS_SHOWN_ON_PREVIEW.has(error.code)) throw error;
      logger.info({ code: error.code, detail: error.describe() }, 'import confirmation refused');
      const pending = await loadPendingImport(db.kysely, actor, c.req.param('token'));
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

/** The line at fault as the user's editor shows it; damaged bytes appear as U+FFFD. */
function safeLine(bytes: Uint8Array, line: number): string | undefined {
  return decodeForDisplay(bytes).split('\n')[line - 1];
}
