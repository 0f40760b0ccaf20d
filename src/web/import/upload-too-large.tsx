import type { Context } from 'hono';
import type { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { UploadPage } from './upload.page.tsx';

/**
 * The body limit refuses an oversized upload before the route runs; for the upload form that refusal
 * is shown on the form itself (issue 9, item 7), so the clerk can pick a smaller file right there.
 * Given to requestBodyLimit as the refusal of /staff/import.
 */
export async function uploadTooLargePage(c: Context<AppEnv>, error: AppError): Promise<Response> {
  const view = { csrfToken: c.get('csrfToken'), error: { message: error.message } };
  return c.html(await renderPage(<UploadPage view={view} />), 413);
}
