/**
 * Which numbers are quantities at all (issue 13, defect 6). A 309-digit number became Infinity, was
 * stored as `Inf` and made the exported JSON unreadable; a value nobody could have meant is a typo or
 * noise, never a 数値目標.
 *
 * The rule: |value| ≤ 1e15 and at most 20 digits written (integer and fraction digits, separators and
 * place words such as 万 not counted).
 * - 1e15 (1000兆) is above any amount a municipal table holds (a national budget is ~1.1e14 円) and
 *   below Number.MAX_SAFE_INTEGER (~9e15), so every whole value in range is exact in a double, in
 *   SQLite REAL and in PostgreSQL double precision, and survives JSON both ways.
 * - A double keeps 15–17 significant digits; 20 allows a long decimal such as `0.000125` or a
 *   thousands-separated yen amount while refusing a run of digits that only looks like a number
 *   (a pasted ID, a `0.000…01` that would be rounded to something else than what was written).
 */
export const MAX_QUANTITY = 1e15;
export const MAX_QUANTITY_DIGITS = 20;

/** For logs and API clients; the browser shows QUANTITY_RANGE_TEXT. */
export const QUANTITY_RANGE_MESSAGE = `a quantity must be between -${MAX_QUANTITY} and ${MAX_QUANTITY} with at most ${MAX_QUANTITY_DIGITS} digits`;
export const QUANTITY_RANGE_TEXT =
  '値が大きすぎるか桁数が多すぎます。絶対値1000兆（10の15乗）以下、20桁以内の数値を入力してください。';

/** Digits of a written number: `1,248.5` → 5. */
export function digitCount(literal: string): number {
  return literal.replace(/[^0-9]/g, '').length;
}

/**
 * Digits of `value` written out in plain decimal (no exponent): 1e-7 → `0.0000001` → 8. A number
 * that arrives as a number (JSON, the API) is held to the same rule as one read from text.
 */
export function digitsOfValue(value: number): number {
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toString().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText);
  const integerDigits = whole.length + exponent;
  const significant = whole.length + fraction.length;
  if (integerDigits <= 0) return 1 + -integerDigits + significant;
  return Math.max(integerDigits, significant);
}

export function isQuantityValue(value: number): boolean {
  return (
    Number.isFinite(value) && Math.abs(value) <= MAX_QUANTITY && digitsOfValue(value) <= MAX_QUANTITY_DIGITS
  );
}
