import { isDigit } from './numbers.ts';

/**
 * Whether the characters around a number-with-counter make it a date, a time, an ordinal or part of
 * an identifier instead of an amount. Works on width-folded text; `start` is where the digits begin,
 * `unitEnd` where the counter ends.
 */
export function isNotAmount(folded: string, start: number, unit: string, unitEnd: number): boolean {
  const before = folded.charAt(start - 1);
  const after = folded.slice(unitEnd);
  return (
    startsInsideOtherToken(folded, start, before) ||
    // `3年目`, `4か所目`, `2つ目`, `3回目` count positions, not amounts.
    after.startsWith('目') ||
    (unit === '日' && isDayOfMonth(before, after)) ||
    (unit === '分' && isClockOrFraction(before, after))
  );
}

function startsInsideOtherToken(folded: string, start: number, before: string): boolean {
  if (isDigit(before)) return true;
  // `0268`, or the tail of a broken separator run (`1,0673`): codes, not amounts.
  if (folded.charAt(start) === '0' && isDigit(folded.charAt(start + 1))) return true;
  // `3/13`: the day of a date.
  if (before === '/') return true;
  // `R4.3`, `1.2.3`: a point that is not a decimal point of this number.
  if (before === '.' && isDigit(folded.charAt(start - 2))) return true;
  // `第9期`, `第4次`: ordinals.
  if (before === '第') return true;
  // `R4`, `H30`: an era or an identifier, never an amount.
  return /[A-Za-z]/.test(before);
}

const DATE_FOLLOWERS = [
  '付',
  'まで',
  'から',
  '現在',
  '時点',
  '以降',
  '以前',
  '頃',
  'ごろ',
  '~',
  '〜',
  '～',
  '(',
];

/** `10月1日`, `1日付`, `15日まで` name a day; `30日以上` counts days. */
function isDayOfMonth(before: string, after: string): boolean {
  return before === '月' || DATE_FOLLOWERS.some((word) => after.startsWith(word));
}

/** `10時30分` is a time of day and `3分の1` a fraction; neither counts minutes. */
function isClockOrFraction(before: string, after: string): boolean {
  return before === '時' || /^の\d/.test(after);
}
