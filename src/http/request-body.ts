import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { BodyData, ParseBodyOptions } from 'hono/utils/body';
import { loadWebConfig, type WebConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { logger } from '../logger.ts';
import type { AppEnv } from './env.ts';

/** Routes that take a 一覧表 file; every other route keeps to the general limit. */
const UPLOADS = new Set(['/staff/import', '/api/imports']);

const mib = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

/**
 * How an upload route answers its own refusal, in the shape of its form (the import page shown again
 * with the message, issue 9 item 7), so the clerk can pick a smaller file right there. A route
 * without one gets the general error page or JSON.
 */
export type UploadRefusal = (c: Context<AppEnv>, error: AppError) => Response | Promise<Response>;

export interface BodyLimitOptions {
  config?: WebConfig;
  /** By upload path (one of UPLOADS): the route's own answer to a POST over the upload limit. */
  refusals?: Readonly<Record<string, UploadRefusal>>;
}

/**
 * The one body limit, registered before anything reads a body (CSRF check, routes): a declared
 * Content-Length over the limit is refused unread, and a chunked body is counted while it streams
 * and refused as soon as it passes the limit, so no parser ever sees more than the limit. It runs
 * after the session is resolved (which reads only the cookie) because only a signed-in caller may
 * send an upload's larger body: a stranger's chunked "upload" is cut off at the general limit.
 */
export function requestBodyLimit(options: BodyLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const config = options.config ?? loadWebConfig();
  const general = limitOf(config.bodyLimitBytes, false);
  const upload = limitOf(config.uploadLimitBytes, true);
  const answered = new Map(
    Object.entries(options.refusals ?? {}).map(([path, refuse]) => [
      path,
      limitOf(config.uploadLimitBytes, true, refuse),
    ]),
  );
  return (c, next) => {
    if (!UPLOADS.has(c.req.path) || !c.get('session')) return general(c, next);
    return (answered.get(c.req.path) ?? upload)(c, next);
  };
}

function limitOf(maxSize: number, upload: boolean, refuse?: UploadRefusal): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      const error = new AppError(
        'PAYLOAD_TOO_LARGE',
        upload
          ? `ファイルが大きすぎます（${mib(maxSize)} まで）。ファイルを部局ごとや年度ごとに分けてから、もう一度取り込んでください。`
          : `送信された内容が大きすぎます（${mib(maxSize)} まで）。入力を短くしてから、もう一度送信してください。`,
      );
      if (!refuse || c.req.method !== 'POST') throw error;
      // The line app.onError writes for every other refusal.
      logger.warn({ code: error.code, method: c.req.method, path: c.req.path }, 'request refused');
      return refuse(c, error);
    },
  });
}

/**
 * The posted form (urlencoded or multipart), parsed once per request and shared by the CSRF check
 * and the route. A body the parser cannot read (no or wrong boundary, no closing boundary, a broken
 * header) is the client's mistake: MALFORMED_BODY, not a server error.
 */
export async function formBody<Options extends Partial<ParseBodyOptions> = Record<never, never>>(
  c: Context,
  options?: Options,
): Promise<BodyData<Options>> {
  try {
    return await c.req.parseBody<Options, BodyData<Options>>(options);
  } catch (error) {
    if (error instanceof AppError) throw error;
    logger.debug({ err: error, path: c.req.path }, 'unreadable form body');
    throw new AppError(
      'MALFORMED_BODY',
      '送信された内容を読み取れませんでした。ページを再読み込みしてから、もう一度送信してください。',
    );
  }
}

/** For routes whose validator reads the form itself (the API): parse it here first, with the same mapping. */
export function formFirst(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type')?.toLowerCase() ?? '';
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded'))
      await formBody(c);
    await next();
  };
}
