import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from '../../db/database.ts';
import { listTopDepartments } from '../../domain/departments/department.repo.ts';
import { AppError } from '../../errors.ts';
import { decodeInput } from '../../importer/decode.ts';
import {
  confirmPendingImport,
  loadPendingImport,
  stagePendingImport,
} from '../../importer/pending/pending-import.service.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { staffLinks } from '../staff/staff.routes.tsx';
import { PreviewPage } from './preview.page.tsx';
import { ResultPage } from './result.page.tsx';
import { TOO_COMPLEX_TEXT } from './too-complex.ts';
import { UploadPage } from './upload.page.tsx';

const css = readFileSync(new URL('./import.css', import.meta.url), 'utf8');
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function registerImportRoutes(app: Hono<AppEnv>, db: Db): void {
  staffLinks.push({
    href: '/staff/import',
    label: '一覧表の取り込み',
    description: 'PDF から取り出したテキスト・Excel・JSON を確認してから保存します',
    action: 'import.run',
  });

  app.get('/assets/import.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/staff/import', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    requireSession(c);
    return c.html(await renderPage(<UploadPage view={{ csrfToken: c.get('csrfToken') }} />));
  });

  app.post(
    '/staff/import',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw new AppError('INVALID_INPUT', 'ファイルが大きすぎます（20 MB まで）');
      },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File) || file.size === 0) {
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
        const { line, field } = error.location;
        const where = [file.name, line === undefined ? undefined : `${line}行目`, field]
          .filter(Boolean)
          .join(' ');
        const sourceLine = line === undefined ? undefined : safeLine(bytes, line);
        const message = error.code === 'IMPORT_TOO_COMPLEX' ? TOO_COMPLEX_TEXT : error.message;
        const view = { csrfToken: c.get('csrfToken'), error: { message, where, sourceLine } };
        return c.html(await renderPage(<UploadPage view={view} />), 422);
      }
    },
  );

  app.get('/staff/import/:token', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const pending = await loadPendingImport(db.kysely, actor, c.req.param('token'));
    const departments = (await listTopDepartments(db.kysely, actor.municipalityId)).map((d) => d.name);
    const lines = pending.source.format === 'text' ? decodeInput(pending.bytes).split('\n') : undefined;
    const view = {
      csrfToken: c.get('csrfToken'),
      token: pending.token,
      name: pending.name,
      documents: pending.source.documents,
      lines,
      departments,
    };
    return c.html(await renderPage(<PreviewPage view={view} />));
  });

  app.post('/staff/import/:token', async (c) => {
    const { actor } = requireSession(c);
    const form = await c.req.parseBody();
    const planYear =
      typeof form.planYear === 'string' && /^\d{4}$/.test(form.planYear) ? Number(form.planYear) : undefined;
    const department = typeof form.department === 'string' ? form.department : undefined;
    const result = await confirmPendingImport(db, actor, c.req.param('token'), { department, planYear });
    return c.html(await renderPage(<ResultPage result={result} />));
  });
}

function safeLine(bytes: Uint8Array, line: number): string | undefined {
  try {
    return decodeInput(bytes).split('\n')[line - 1];
  } catch {
    return undefined;
  }
}
