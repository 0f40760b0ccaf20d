/**
 * Japanese era years (和暦) and fiscal years (年度, April to March).
 * A 年度 is named by the Gregorian year it starts in: 令和4年度 = 2022.
 */

const eras = [
  { name: '令和', offset: 2018, first: 2019 },
  { name: '平成', offset: 1988, first: 1989 },
] as const;

// Full-width digits are common in printed tables; they are folded only for reading the number.
function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const eraPattern = /^(令和|平成)\s*(元|[0-9０-９]+)\s*年度?$/;
const gregorianPattern = /^([0-9０-９]{4})\s*年度?$/;

/**
 * Reads `令和4年度`, `令和４年度`, `令和元年度`, `平成30年度` (or the same without 度, or `2022年度`)
 * and returns the Gregorian year the 年度 starts in; `undefined` when the text is not a year.
 * Years past an era's end (平成32年度, printed before the era changed) are read arithmetically.
 */
export function parseFiscalYear(text: string): number | undefined {
  const compact = text.trim();
  const era = eraPattern.exec(compact);
  if (era) {
    const offset = eras.find((e) => e.name === era[1])?.offset;
    const n = era[2] === '元' ? 1 : Number(toAsciiDigits(era[2] ?? ''));
    if (offset === undefined || !Number.isInteger(n) || n < 1) return undefined;
    return n + offset;
  }
  const gregorian = gregorianPattern.exec(compact);
  return gregorian ? Number(toAsciiDigits(gregorian[1] ?? '')) : undefined;
}

/** 2022 → `令和4年度`, 2019 → `令和元年度`, 2018 → `平成30年度`. */
export function formatFiscalYear(year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  const era = eras.find((e) => year >= e.first);
  if (!era) throw new RangeError(`${year} is before 平成 (1989)`);
  const n = year - era.offset;
  return `${era.name}${n === 1 ? '元' : String(n)}年度`;
}

// One formatter for all calls: constructing Intl formatters is costly.
const tokyoParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
});

/**
 * The 年度 an instant falls in, judged on the Tokyo calendar whatever the process's TZ:
 * 2023-03-31T15:00Z is 2023-04-01 00:00 JST, so fiscal 2023.
 */
export function fiscalYearOf(date: Date): number {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  let year = 0;
  let month = 0;
  for (const part of tokyoParts.formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    if (part.type === 'month') month = Number(part.value);
  }
  return month >= 4 ? year : year - 1;
}
