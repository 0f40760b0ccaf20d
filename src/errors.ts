/**
 * The one error type the product throws on purpose. `code` is stable (API clients and tests
 * match on it); the HTTP status and the CLI exit code are derived from it in one place each.
 */
export type ErrorCode =
  | 'PARSE_ERROR'
  | 'NOT_A_DOCUMENT'
  | 'IMPORT_TOO_COMPLEX'
  /** A PDF whose pages are images (a scan): nothing to read without OCR. */
  | 'NO_TEXT_LAYER'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE'
  | 'LOCKED'
  | 'AMBIGUOUS'
  | 'CONFIG_ERROR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'MALFORMED_BODY'
  | 'RATE_LIMITED'
  | 'PHASE_INCOMPLETE'
  /** Work the server does a few at a time (PDF rendering) has a full queue: try again shortly. */
  | 'BUSY'
  | 'INTERNAL';

export interface ErrorLocation {
  file?: string;
  line?: number;
  /** 1-based, in characters (code points) of that line: where a JSON syntax error is. */
  column?: number;
  field?: string;
  /** A worksheet cell such as `C12` (the sheet is `field`, as everywhere the xlsx reader reports). */
  cell?: string;
  /** 1-based page of a PDF (PDFs have pages, not lines). */
  page?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  /** `cause` keeps a library's own error for the logs; users see only `message`. */
  constructor(
    code: ErrorCode,
    message: string,
    location: ErrorLocation = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.location = location;
  }

  /** "file:line:column: field!cell: message" (a PDF: "file:page N: message") — the form a user can act on. */
  describe(): string {
    const { file, line, column, field, cell, page } = this.location;
    const where = [
      file,
      page === undefined ? undefined : `page ${page}`,
      line,
      line === undefined ? undefined : column,
    ]
      .filter((part) => part !== undefined && part !== '')
      .join(':');
    const place = [field, cell].filter(Boolean).join('!');
    return [where, place, this.message].filter(Boolean).join(': ');
  }

  withFile(file: string): AppError {
    return new AppError(this.code, this.message, { ...this.location, file }, { cause: this.cause });
  }
}

/** RATE_LIMITED, saying when to try again (sent as Retry-After). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number, code: 'RATE_LIMITED' | 'BUSY' = 'RATE_LIMITED') {
    super(code, message);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const httpStatus: Record<ErrorCode, number> = {
  PARSE_ERROR: 422,
  NOT_A_DOCUMENT: 422,
  IMPORT_TOO_COMPLEX: 422,
  NO_TEXT_LAYER: 422,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  LOCKED: 423,
  AMBIGUOUS: 409,
  CONFIG_ERROR: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  MALFORMED_BODY: 400,
  RATE_LIMITED: 429,
  PHASE_INCOMPLETE: 409,
  BUSY: 503,
  INTERNAL: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return httpStatus[code];
}

/** CLI exit codes: 2 for input the user must fix, 1 for everything else. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof AppError) {
    return [
      'PARSE_ERROR',
      'NOT_A_DOCUMENT',
      'IMPORT_TOO_COMPLEX',
      'NO_TEXT_LAYER',
      'INVALID_INPUT',
      'NOT_FOUND',
      'AMBIGUOUS',
      'PHASE_INCOMPLETE',
    ].includes(error.code)
      ? 2
      : 1;
  }
  return 1;
}
