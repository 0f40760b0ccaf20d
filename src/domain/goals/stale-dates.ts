/**
 * Dates in a plan item's text that fall before its fiscal year began: typically a deadline such as
 * 令和7年度末 left in a goal copied into 令和8年度 (issue 10, item 8). Pure: the editor shows a hint.
 */

export interface StaleDate {
  /** The date as written, e.g. `令和7年度末`. */
  text: string;
  /** Offset in the text, for highlighting. */
  index: number;
}

const ERA_OFFSETS: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

// Full-width digits and letters are common in pasted text; folded only to read the number.
const fold = (s: string) =>
  s.replace(/[０-９ＲｒＨｈ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

// 令和7年度末, R7年度, 平成31年3月, 2025年度, 2026年3月末. A bare 年 (calendar year) is left alone:
// "3年間" and "令和7年" (calendar) are too often not a deadline to warn about.
const DATE =
  /(?:(令和|平成|[RrＲｒHhＨｈ])\s*(元|[0-9０-９]{1,2})|([0-9０-９]{4}))\s*(?:年度(?:末|中|内)?|年\s*([0-9０-９]{1,2})\s*月(?:末)?)/gu;

function gregorianOf(
  era: string | undefined,
  n: string | undefined,
  western: string | undefined,
): number | undefined {
  if (western) return Number(fold(western));
  const offset = ERA_OFFSETS[fold(era ?? '').toUpperCase()] ?? ERA_OFFSETS[era ?? ''];
  if (offset === undefined || n === undefined) return undefined;
  return offset + (n === '元' ? 1 : Number(fold(n)));
}

/** Every date in `text` that ends before 1 April of `fiscalYear` (the year the item belongs to). */
export function staleDates(text: string, fiscalYear: number): StaleDate[] {
  const found: StaleDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const year = gregorianOf(m[1], m[2], m[3]);
    if (year === undefined) continue;
    const month = m[4] === undefined ? undefined : Number(fold(m[4]));
    if (month !== undefined && (month < 1 || month > 12)) continue;
    // A 年度 runs to the next March; a month is before the year when it is before April of it.
    const stale = month === undefined ? year < fiscalYear : year * 12 + month < fiscalYear * 12 + 4;
    if (stale) found.push({ text: m[0], index: m.index ?? 0 });
  }
  return found;
}

/** The hint beside an item: what is stale and what to do, in Japanese. */
export function staleDateHint(dates: readonly StaleDate[], fiscalYearLabel: string): string | undefined {
  if (dates.length === 0) return undefined;
  const list = dates.map((d) => `「${d.text}」`).join('');
  return `${list}は${fiscalYearLabel}が始まる前の日付です。前年度からコピーした目標であれば、期限や時期を${fiscalYearLabel}に合わせて見直してください。`;
}
