import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import type { ImportResult } from '../../importer/import.service.ts';
import { MAX_RENDERED_PAGES } from '../../importer/pdf/page-render.ts';
import {
  confirmPendingImport,
  discardPendingImport,
  loadPendingImport,
  nothingWaiting,
  stagePendingImport,
} from '../../importer/pending/pending-import.service.ts';
import {
  forgetPageImages,
  type PageImages,
  pendingPageImages,
} from '../../importer/pending/pending-pages.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { type BatchEntry, BatchPage } from './batch.page.tsx';
import { ResultPage } from './result.page.tsx';
import { sourcePagesView } from './source-pages.tsx';
import { uploadRefusal } from './upload-refusal.ts';

/** At most this many files in one upload: each is parsed in its own worker, one after another. */
export const MAX_FILES = 50;

/** Tokens of a several-file upload, carried in the query or form as repeated `t`. */
function tokensOf(values: unknown): string[] {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return list
    .filter((v): v is string => typeof v === 'string' && /^[\w-]{10,64}$/.test(v))
    .slice(0, MAX_FILES);
}

/**
 * Several files in one upload: each is read and kept as its own pending import; a file that cannot
 * be read is shown at that file, and the others stay. Returns the page for the files given.
 */
export async function stageBatch(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  actor: Actor,
  files: File[],
): Promise<Response> {
  if (files.length > MAX_FILES) {
    throw new AppError(
      'INVALID_INPUT',
      `一度に取り込めるのは ${MAX_FILES} ファイルまでです。分けて取り込んでください。`,
      {
        field: 'file',
      },
    );
  }
  const entries: Staged[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const pending = await stagePendingImport(db, actor, file.name, bytes);
      // The pages are drawn (one file at a time) while the next files are read.
      const images = pendingPageImages(pending);
      entries.push({ name: file.name, token: pending.token, documents: pending.source.documents, images });
    } catch (error) {
      const refusal = uploadRefusal(error, file.name, bytes);
      if (!refusal) throw error;
      entries.push({ name: file.name, error: refusal.message, where: refusal.where });
    }
  }
  const status = entries.some((e) => 'token' in e) ? 200 : 422;
  const view = { csrfToken: c.get('csrfToken'), entries: await withPages(entries) };
  return c.html(await renderPage(<BatchPage view={view} />), status);
}

/** A file read and waiting, its page images perhaps still being drawn. */
type Staged =
  | Exclude<BatchEntry, { token: string }>
  | (Omit<Extract<BatchEntry, { token: string }>, 'sourcePages'> & { images: Promise<PageImages> });

async function withPages(entries: Staged[]): Promise<BatchEntry[]> {
  return Promise.all(
    entries.map(async (e) => {
      if (!('token' in e)) return e;
      const { images, ...entry } = e;
      return { ...entry, sourcePages: sourcePagesView(await images, MAX_RENDERED_PAGES) };
    }),
  );
}

async function waiting(db: Kysely<Database>, actor: Actor, tokens: string[]): Promise<BatchEntry[]> {
  return withPages(await waitingFiles(db, actor, tokens));
}

async function waitingFiles(
  db: Kysely<Database>,
  actor: Actor,
  tokens: string[],
  draw = true,
): Promise<Staged[]> {
  const none: Promise<PageImages> = Promise.resolve({ status: 'none' });
  const entries: Staged[] = [];
  for (const token of tokens) {
    try {
      const pending = await loadPendingImport(db, actor, token);
      entries.push({
        name: pending.name,
        token,
        documents: pending.source.documents,
        images: draw ? pendingPageImages(pending) : none,
      });
    } catch (error) {
      // Stored or excluded meanwhile (or another person's): it is simply no longer waiting.
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  return entries;
}

/** Registered before `/staff/import/:token`, so that `batch` is not taken for a token. */
export function registerBatchImportRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get('/staff/import/batch', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const entries = await waiting(db, actor, tokensOf(c.req.queries('t')));
    if (entries.length === 0) return c.redirect('/staff/import', 303);
    return c.html(await renderPage(<BatchPage view={{ csrfToken: c.get('csrfToken'), entries }} />));
  });

  // 「すべて取り込む」: each file in its own transaction, so one refused file does not undo the others.
  app.post('/staff/import/batch', async (c) => {
    const { actor } = requireSession(c);
    const tokens = tokensOf((await formBody(c, { all: true })).t);
    const result: Omit<ImportResult, 'importId'> = { municipality: { code: '', name: '' }, documents: [] };
    const refused: { name: string; message: string }[] = [];
    // Storing needs no page images: they are not drawn for this.
    const entries = await waitingFiles(db, actor, tokens, false);
    if (entries.length === 0) throw nothingWaiting();
    for (const entry of entries) {
      if (!('token' in entry)) continue;
      try {
        const one = await confirmPendingImport(db, actor, entry.token, {});
        forgetPageImages(entry.token);
        result.municipality = one.municipality;
        result.documents.push(...one.documents);
      } catch (error) {
        if (!(error instanceof AppError) || !['INVALID_INPUT', 'LOCKED', 'FORBIDDEN'].includes(error.code))
          throw error;
        refused.push({ name: entry.name, message: error.message });
      }
    }
    return c.html(await renderPage(<ResultPage result={result} refused={refused} />));
  });

  app.post('/staff/import/:token/discard', async (c) => {
    const { actor } = requireSession(c);
    const others = tokensOf((await formBody(c, { all: true })).t);
    await discardPendingImport(db, actor, c.req.param('token'));
    forgetPageImages(c.req.param('token'));
    const query = others.map((t) => `t=${encodeURIComponent(t)}`).join('&');
    return c.redirect(query ? `/staff/import/batch?${query}` : '/staff/import', 303);
  });
}
