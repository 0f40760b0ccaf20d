import { AppError } from '../../errors.ts';
import { decodeForDisplay } from '../../importer/decode.ts';
import { logger } from '../../logger.ts';
import { importErrorText, uploadKindOf } from './import-error-text.ts';

export interface UploadRefusal {
  message: string;
  where?: string;
  sourceLine?: string;
}

const REFUSED_CODES = new Set([
  'PARSE_ERROR',
  'NOT_A_DOCUMENT',
  'INVALID_INPUT',
  'IMPORT_TOO_COMPLEX',
  'NO_TEXT_LAYER',
]);

/**
 * A file the reader refused, said in Japanese for the person (where and what to do next); the
 * reader's English goes to the log. Undefined for errors that are not the file's fault.
 */
export function uploadRefusal(error: unknown, name: string, bytes: Uint8Array): UploadRefusal | undefined {
  if (!(error instanceof AppError) || !REFUSED_CODES.has(error.code)) return undefined;
  const kind = uploadKindOf(bytes);
  logger.warn(
    { code: error.code, detail: error.describe(), cause: String(error.cause ?? '') },
    'import refused',
  );
  const shownLine = kind === 'xlsx' ? undefined : error.location.line;
  const where = [name, shownLine === undefined ? undefined : `${shownLine}行目`].filter(Boolean).join(' ');
  const sourceLine = shownLine === undefined ? undefined : decodeForDisplay(bytes).split('\n')[shownLine - 1];
  return { message: importErrorText(error, kind), where, sourceLine };
}
