import { AppError } from '../../errors.ts';

/** Ids come from forms and URLs: a positive integer or INVALID_INPUT. */
export function requireId(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new AppError('INVALID_INPUT', `${field} must be a positive integer`, { field });
  }
  return value;
}
