import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { UploadPage } from './upload.page.tsx';

/**
 * The body limit refuses an oversized upload before the route runs; for the upload form that refusal
 * is shown on the form itself (issue 9, item 7), so the clerk can pick a smaller file right there.
 * Undefined for every other request, which keeps the general error page.
 */
export async function uploadTooLargePage(error: unknown, c: Context<AppEnv>): Promise<Response | undefined> {
  if (!(error instanceof AppError) || error.code !== 'PAYLOAD_TOO_LARGE') return undefined;
  if (c.req.path !== '/staff/import' || c.req.method !== 'POST' || !c.get('session')) return undefined;
  const view = { csrfToken: c.get('csrfToken'), error: { message: error.message } };
  return c.html(await renderPage(<UploadPage view={view} />), 413);
}
