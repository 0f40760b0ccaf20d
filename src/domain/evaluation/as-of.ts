import { foldWidth } from '../../quantities/numbers.ts';

/** An as-of date (`3/1現在`, `R5.3月末`, `令和6年3月31日現在`) found in a note. */
export interface AsOf {
  /** YYYY-MM-DD */
  iso: string;
  month: number;
  day: number;
  /** The text named the year; otherwise it was inferred from the fiscal year. */
  yearGiven: boolean;
  start: number;
  end: number;
}

const ERA_OFFSET: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

const AS_OF = new RegExp(
  String.raw`(?<![\dA-Za-z])(?:(?<era>令和|平成|R|H)\s*(?<eraYear>元|\d{1,2})\s*[年.]\s*|(?<gy>\d{4})\s*[年/.]\s*)?` +
    String.raw`(?<!\d)(?<month>\d{1,2})\s*(?:月\s*(?:(?<day>\d{1,2})\s*日|(?<end>末))?|[/.]\s*(?<day2>\d{1,2})(?!\d))` +
    String.raw`(?:\s*(?<marker>現在|時点))?`,
  'g',
);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function yearOf(groups: Record<string, string | undefined>, month: number, fiscalYear: number): number {
  const era = groups.era;
  if (era !== undefined) {
    const n = groups.eraYear === '元' ? 1 : Number(groups.eraYear);
    return n + (ERA_OFFSET[era] ?? 0);
  }
  if (groups.gy !== undefined) return Number(groups.gy);
  // A fiscal year runs April to March: January–March belong to the next calendar year.
  return month >= 4 ? fiscalYear : fiscalYear + 1;
}

/**
 * Every as-of date in a note, in order. Only dates marked as a point of measurement count (現在,
 * 時点, 月末): `12月まで` is a deadline and `10月に開設` an event, not an as-of. A date without a year
 * takes it from the fiscal year; a month without a day (`3月末`, `3月現在`) means its last day.
 */
export function findAsOfs(text: string, fiscalYear: number): AsOf[] {
  const folded = foldWidth(text);
  const found: AsOf[] = [];
  for (const match of folded.matchAll(AS_OF)) {
    const groups = match.groups ?? {};
    if (groups.marker === undefined && groups.end === undefined) continue;
    const month = Number(groups.month);
    if (month < 1 || month > 12) continue;
    const year = yearOf(groups, month, fiscalYear);
    const dayText = groups.day ?? groups.day2;
    const day = dayText === undefined ? lastDay(year, month) : Number(dayText);
    if (day < 1 || day > lastDay(year, month)) continue;
    const yearGiven = groups.era !== undefined || groups.gy !== undefined;
    const start = match.index ?? 0;
    found.push({
      iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
      month,
      day,
      yearGiven,
      start,
      end: start + match[0].length,
    });
  }
  return found;
}

/** The first as-of date of a text as YYYY-MM-DD, or null. */
export function parseAsOf(text: string, fiscalYear: number): string | null {
  return findAsOfs(text, fiscalYear)[0]?.iso ?? null;
}

/** The as-of date nearest a quantity within its segment, preferring one before it. */
export function nearestAsOf(
  dates: AsOf[],
  segment: { start: number; end: number },
  quantityStart: number,
): AsOf | undefined {
  const inSegment = dates.filter((d) => d.start >= segment.start && d.end <= segment.end);
  return (
    inSegment.filter((d) => d.end <= quantityStart).at(-1) ?? inSegment.find((d) => d.start >= quantityStart)
  );
}

/**
 * The as-of date of an actual. When its date has no year and the target's date names the same month
 * and day with a year (`4/1現在` answering `令和7年4月1日現在`), the target's year is the one meant.
 */
export function resolveAsOf(actual: AsOf | undefined, target: AsOf | undefined): string | null {
  if (!actual) return null;
  if (!actual.yearGiven && target?.yearGiven && target.month === actual.month && target.day === actual.day) {
    return target.iso;
  }
  return actual.iso;
}
