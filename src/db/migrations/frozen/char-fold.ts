/*
 * FROZEN COPY for migration 20261124000000_search (its backfill), taken from src/search/char-fold.ts on
 * 2026-12-04. Migrations are immutable in behaviour, so this never follows the live module: do not
 * edit it. Keys it writes are brought to the current folding by the application (search_fold_version
 * on municipality, src/search/refold.repo.ts).
 */
/**
 * Character folding for SEARCH KEYS only; stored and displayed text stays exactly as written.
 * fold.ts runs this first and the 表記ゆれ dictionary (variants.ts) over its result; the index, the
 * query and the highlighter all fold through fold.ts, so a query matches exactly where the
 * highlighter marks.
 *
 * The text is folded one *segment* at a time: a code point together with the combining marks and
 * half-width (semi-)voiced sound marks that follow it (`ｶﾞ` is one segment, so it composes to `ガ`).
 * Per segment, in order:
 *  1. invisible characters are dropped: variation selectors (U+FE00–FE0F, U+E0100–E01EF),
 *     zero-width space/joiners (U+200B–200D), word joiner (U+2060), BOM (U+FEFF);
 *  2. Unicode NFKC: full-width ASCII → ASCII (`ＡＢＣ１２３` → `ABC123`), half-width katakana →
 *     full-width (`ｼﾞﾝｹﾝ` → `ジンケン`), ideographic space → space, `①` → `1`, `㈱` → `(株)`;
 *  3. lower case (`LINE` → `line`);
 *  4. wave dashes fold to `~`: `〜` U+301C, `～` U+FF5E (NFKC gives `~`), `∼` U+223C, `⁓` U+2053;
 *  5. dashes, hyphens, minus signs and box-drawing lines (`-` `‐` `‑` `‒` `–` `—` `―` `−` `⁃` `─` `━`,
 *     full-width `－` and small `﹣` via NFKC) and the long vowel mark `ー` (half-width `ｰ` via NFKC)
 *     fold by context: right after a katakana letter or `ー` they are the long vowel mark `ー`
 *     (`センタ－` → `センター`), anywhere else a dash is `-` (`R4－5` → `r4-5`) and `ー` stays `ー`.
 *
 * Offsets: every folded UTF-16 unit remembers the original segment it came from, so a match in the
 * folded text maps back to a range of the original (NFKC may change lengths: `㈱` is 1 → 3).
 */

export interface FoldedText {
  /** The search key. */
  text: string;
  /** For folded unit i: the original segment it came from, [starts[i], ends[i]) in UTF-16 units. */
  starts: number[];
  ends: number[];
}

const ATTACHED = /^[\p{M}\uFF9E\uFF9F]$/u;
const INVISIBLE = /[\uFE00-\uFE0F]|[\u200B-\u200D\u2060\uFEFF]|[\u{E0100}-\u{E01EF}]/gu;
const WAVES = new Set(['\u301C', '\u223C', '\u2053']);
const DASHES = new Set([
  '-',
  '\u2010',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\u2043',
  '\u2500',
  '\u2501',
  '\u30FC',
]);
const LONG_VOWEL = '\u30FC';

function isKatakanaOrLong(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x30a1 && cp <= 0x30fa) || cp === 0x30fc;
}

/** Splits text into segments (base code point + attached marks), with their UTF-16 start offsets. */
function segments(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let offset = 0;
  for (const ch of text) {
    const last = out[out.length - 1];
    if (last && ATTACHED.test(ch)) last.text += ch;
    else out.push({ start: offset, text: ch });
    offset += ch.length;
  }
  return out;
}

function foldSegment(segment: string, previous: string | undefined): string {
  const folded = segment.replace(INVISIBLE, '').normalize('NFKC').toLowerCase();
  if (WAVES.has(folded)) return '~';
  if (DASHES.has(folded)) {
    if (isKatakanaOrLong(previous)) return LONG_VOWEL;
    return folded === LONG_VOWEL ? LONG_VOWEL : '-';
  }
  return folded;
}

export function foldCharsWithMap(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const segment of segments(text)) {
    const out = foldSegment(segment.text, folded[folded.length - 1]);
    const end = segment.start + segment.text.length;
    for (let i = 0; i < out.length; i++) {
      starts.push(segment.start);
      ends.push(end);
    }
    folded += out;
  }
  return { text: folded, starts, ends };
}

/** The character-folded text, without the variant dictionary. */
export function foldChars(text: string): string {
  return foldCharsWithMap(text).text;
}
