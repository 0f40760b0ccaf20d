import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's baseline). */
export async function hashPassword(password: string): Promise<string> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('INVALID_INPUT', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    });
  }
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when no account matches keeps the answer's timing the same either way. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$iHMq/z/QuFT+TzE/bPxnBg$EoanJabPL71NIvineGfHnbfn85PXMHWIm5WSQIS6jrI';
