/**
 * The one error type the product throws on purpose. `code` is stable (API clients and tests
 * match on it); the HTTP status and the CLI exit code are derived from it in one place each.
 */
export type ErrorCode =
  | 'PARSE_ERROR'
  | 'NOT_A_DOCUMENT'
  | 'IMPORT_TOO_COMPLEX'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE'
  | 'LOCKED'
  | 'AMBIGUOUS'
  | 'CONFIG_ERROR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.location = location;
  }

  /** "file:line: field: message" — the form a user can act on. */
  describe(): string {
    const { file, line, field } = this.location;
    const where = [file, line === undefined ? undefined : String(line)].filter(Boolean).join(':');
    return [where, field, this.message].filter(Boolean).join(': ');
  }

  withFile(file: string): AppError {
    return new AppError(this.code, this.message, { ...this.location, file });
  }
}

const httpStatus: Record<ErrorCode, number> = {
  PARSE_ERROR: 422,
  NOT_A_DOCUMENT: 422,
  IMPORT_TOO_COMPLEX: 422,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  LOCKED: 423,
  AMBIGUOUS: 409,
  CONFIG_ERROR: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
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
      'INVALID_INPUT',
      'NOT_FOUND',
      'AMBIGUOUS',
    ].includes(error.code)
      ? 2
      : 1;
  }
  return 1;
}
