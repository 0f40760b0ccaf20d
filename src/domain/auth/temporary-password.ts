import { randomInt } from 'node:crypto';

/** Letters and digits a clerk reads aloud or types without mixing up (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters in groups of four (about 92 bits): shown once, to be changed at the first sign-in. */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
