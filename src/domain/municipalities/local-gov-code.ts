import { AppError } from '../../errors.ts';

/**
 * 全国地方公共団体コード (総務省): five digits (two for the prefecture, three for the municipality)
 * and a check digit. The check digit: weigh the five digits by 6, 5, 4, 3, 2, sum, take the remainder
 * modulo 11, subtract it from 11 and keep the ones digit (remainder 0 → 1, remainder 1 → 0).
 * 東京都千代田区 131016: 1·6 + 3·5 + 1·4 + 0·3 + 1·2 = 27, 27 mod 11 = 5, 11 − 5 = 6.
 */
export function localGovCheckDigit(firstFive: string): number {
  if (!/^\d{5}$/.test(firstFive)) throw new Error(`five digits expected, got "${firstFive}"`);
  const weights = [6, 5, 4, 3, 2];
  const sum = [...firstFive].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return (11 - (sum % 11)) % 10;
}

/** Whether a text is six ASCII digits whose last is the check digit of the first five. */
export function isLocalGovCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return localGovCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/**
 * The fictional みなと台市's code. Prefecture numbers run 01–47; no real 団体 starts with 99, so a
 * reader who joins this file with real statistics finds no match instead of a wrong city. The check
 * digit is right (9·6 + 9·5 + 0·4 + 0·3 + 1·2 = 101, 101 mod 11 = 2, 11 − 2 = 9), so it passes every
 * validator the real codes pass.
 */
export const DEMO_LOCAL_GOV_CODE = '990019';

/**
 * Checks a code given by a person (CLI or settings page); full-width digits are accepted as typed
 * and stored as ASCII (the code is an identifier, not text as written).
 */
export function parseLocalGovCode(input: string): string {
  const code = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{6}$/.test(code)) {
    throw new AppError('INVALID_INPUT', `local government code "${input}" must be 6 digits`, {
      field: 'localGovCode',
    });
  }
  const prefecture = Number(code.slice(0, 2));
  if (!((prefecture >= 1 && prefecture <= 47) || prefecture === 99)) {
    throw new AppError(
      'INVALID_INPUT',
      `local government code "${input}" has no prefecture ${code.slice(0, 2)}`,
      {
        field: 'localGovCode',
      },
    );
  }
  if (!isLocalGovCode(code)) {
    throw new AppError(
      'INVALID_INPUT',
      `local government code "${input}": check digit must be ${localGovCheckDigit(code.slice(0, 5))}`,
      { field: 'localGovCode' },
    );
  }
  return code;
}
