import { hash, type Options, verify } from '@node-rs/argon2';
import { type PasswordHashCost, passwordHashCostFrom } from '../../config.ts';
import { AppError } from '../../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id: the library's defaults (m=19 MiB, t=2, p=1: OWASP's baseline); the cheapest for tests. */
const PARAMETERS: Record<PasswordHashCost, Options> = {
  standard: {},
  test: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
};

const COST = passwordHashCostFrom();

export async function hashPassword(password: string, cost: PasswordHashCost = COST): Promise<string> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('INVALID_INPUT', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    });
  }
  return hash(password, PARAMETERS[cost]);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when no account matches keeps the answer's timing the same either way.
 * Always the standard cost, as production accounts' hashes are (password.test.ts checks it).
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$iHMq/z/QuFT+TzE/bPxnBg$EoanJabPL71NIvineGfHnbfn85PXMHWIm5WSQIS6jrI';
