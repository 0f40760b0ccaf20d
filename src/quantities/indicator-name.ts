import { extractQuantities } from './extract.ts';
import { foldWidth } from './numbers.ts';

/**
 * The name a citizen reads beside a target (issue 10, item 6): the noun phrase written right before
 * the number, or nothing. Never built by deleting dates or digits out of the middle of a text (that
 * made `令和年月までに全` out of `令和8年3月までに全28か所`): the name is one contiguous run of the
 * note, starting after the last separator, date or other figure before the number, with frequency
 * and tally words (`年`, `月`, `延べ`, `各課`, `全`) and a dangling particle trimmed from its ends.
 * Whatever is left must pass `isCleanIndicatorName`, or there is no name and the page shows the
 * item's text instead.
 */

export interface Span {
  start: number;
  end: number;
}

const SEPARATORS = [
  /(?:^|\s)・|・\s/g,
  /[○◯●■□◆◇。、；;→\n,]/g,
  /[(（]\s*\d{1,2}\s*[)）]/g,
  /[(（「『【[)）」』】\]]/g,
  /[:：]/g,
];

/** A date or period: `令和8年3月までに`, `R7.3月末`, `10月1日付`, `3/1現在`, `年度末まで`. */
const DATES = [
  /(?:(?:令和|平成|昭和)\s*(?:\d+|元)\s*年度?|[RH]\s*\d+\s*[.年]|\d+\s*(?:年度|年|月|日|\/)|(?<=\/)\d+)(?:\s*(?:\d+\s*(?:年度|年|月|日|\/|\.)|\d+))*\s*(?:末|中|内|初め|当初|上旬|中旬|下旬|前半|後半)?\s*(?:現在|時点|付)?\s*(?:までに|まで|から|より|以降|以前|頃|ごろ|に|の)?/g,
  /(?:今|本|来|当)?(?<![前昨])年度(?:末|内|中)?\s*(?:までに|まで|に)?/g,
];

/** Leading words that join the name to what came before. */
const LEADING =
  /^(?:に対して|に対し|と比べて|と比べ|と比較して|のうち|中|までに|まで|から|より|及び|および|並びに|ならびに|うち|また|に|は|を|で|の|と|も|が|へ|\s)+/;
/** Frequency, tally and hedge words that qualify the number rather than name what is counted. */
const TRAILING_WORDS = [
  '年間',
  '毎年',
  '毎月',
  '毎週',
  '毎日',
  '延べ',
  'のべ',
  '累計',
  '合計',
  '総計',
  '残り',
  '最大',
  '最低',
  '概ね',
  '目標',
];
/** One-character tallies, trimmed only where they stand apart (`訓練 全`, `までに全`; not `交通安全`). */
const TALLIES = /(?:^|[\s\u3041-\u309F])[全約計]$/;
/** Single-character periods, trimmed unless they end a word (`青年`, `今月`). */
const PERIODS = ['年', '月', '週'];
const COMPOUNDING = new Set([...'青少新今毎前昨来正翌隔半当本例通元学周晩先']);
const DANGLING_PARTICLE = /[をにはがでへとのもや]$/;

function cutPoints(folded: string, before: number, others: Span[]): number {
  let cut = 0;
  for (const pattern of [...SEPARATORS, ...DATES]) {
    for (const m of folded.slice(0, before).matchAll(pattern)) {
      const end = (m.index ?? 0) + m[0].length;
      if (m[0].trim() !== '' && end > cut) cut = end;
    }
  }
  const figures = [...others, ...extractQuantities(folded)];
  for (const o of figures) if (o.end <= before && o.end > cut) cut = o.end;
  return cut;
}

function trimTrailing(name: string): string {
  let out = name;
  for (let changed = true; changed; ) {
    changed = false;
    const each = /\s*各\S{0,3}$/.exec(out);
    if (each && each.index > 0) {
      out = out.slice(0, each.index);
      changed = true;
    }
    for (const word of TRAILING_WORDS) {
      if (out.endsWith(word) && out.length > word.length) {
        out = out.slice(0, -word.length).trimEnd();
        changed = true;
      }
    }
    if (TALLIES.test(out) && out.length > 1) {
      out = out.slice(0, -1).trimEnd();
      changed = true;
    }
    const last = out.charAt(out.length - 1);
    const prev = out.charAt(out.length - 2);
    if (PERIODS.includes(last) && out.length > 1 && (/\s/.test(prev) || !COMPOUNDING.has(prev))) {
      out = out.slice(0, -1).trimEnd();
      changed = true;
    }
    // `決済端末を10窓口以上に拡大`: the object marker belongs to the verb after the number.
    if (DANGLING_PARTICLE.test(out) && /[\u4E00-\u9FFF\u30A0-\u30FFA-Za-z]/.test(prev)) {
      out = out.slice(0, -1).trimEnd();
      changed = true;
    }
  }
  return out;
}

/** The clean name of the quantity at `span` in `note`, or null. `others`: the note's other figures. */
export function indicatorNameOf(note: string, span: Span, others: readonly Span[] = []): string | null {
  const folded = foldWidth(note);
  const start = cutPoints(folded, span.start, [...others]);
  // `事業申請数（12件以上）`: the figure is bracketed right after what it counts.
  if (start === span.start && start > 0 && /[(（]/.test(folded.charAt(start - 1)))
    return indicatorNameOf(note, { start: start - 1, end: span.end }, others);
  let name = note
    .slice(start, span.start)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  name = name.replace(LEADING, '');
  name = trimTrailing(name).replace(/^[・\s]+/, '');
  return isCleanIndicatorName(name) ? name : null;
}

const CONTENT = /[\u4E00-\u9FFF\u3005\u30A0-\u30FFA-Za-zＡ-Ｚａ-ｚ]/;
const BAD_START =
  /^(?:を|対し|から|まで|より|うち|及び|および|並びに|ならびに|に対し|[のにはがでとへもや](?![\u3041-\u309F]))/;
const BAD_END =
  /(?:から|まで|までに|より|について|に対し|に対して|のうち|うち|及び|および|当たり|あたり|実績|現在|時点|見込み?|ごと)$/;
const QUALIFIER_END = /(?:年間|毎年|毎月|毎週|毎日|延べ|のべ|累計|合計|残り|目標|各\S{0,2})$/;
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['（', '）'],
  ['「', '」'],
  ['『', '』'],
  ['【', '】'],
  ['[', ']'],
];

/**
 * Whether `name` reads as the name of what is counted: 2–40 characters with some kanji, katakana or
 * Latin letters; no digits, era names or 年度 (the leftovers of a date); not starting or ending with a
 * particle, a connective or a tally word (`…までに全`, `…年`, `…延べ`); brackets balanced.
 */
export function isCleanIndicatorName(name: string): boolean {
  const folded = foldWidth(name);
  if (name !== name.trim() || name.length < 2 || name.length > 40) return false;
  if (/[0-9]/.test(folded) || /令和|平成|昭和|(?<![前昨])年度/.test(name)) return false;
  if (!CONTENT.test(name) || /\s{2}/.test(name)) return false;
  if (
    /^[、。・,.:：;；\-−~〜～)）」』】\]]/.test(folded) ||
    /[、。・,.:：;；\-−~〜～(（「『【[]$/.test(folded)
  )
    return false;
  if (BAD_START.test(name) || BAD_END.test(name) || QUALIFIER_END.test(name) || TALLIES.test(name))
    return false;
  const last = name.charAt(name.length - 1);
  const prev = name.charAt(name.length - 2);
  if (last === 'を' || (DANGLING_PARTICLE.test(name) && /[\u4E00-\u9FFF\u30A0-\u30FFA-Za-z]/.test(prev)))
    return false;
  if (PERIODS.includes(last) && (/\s/.test(prev) || !COMPOUNDING.has(prev))) return false;
  return PAIRS.every(([open, close]) => name.split(open).length === name.split(close).length);
}
