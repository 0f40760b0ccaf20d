/**
 * Some producers write Kangxi radicals (U+2F00–U+2FD5: `⽬` for 目, `⼀` for 一), CJK radicals
 * supplement forms or CJK compatibility ideographs into the text layer in place of the ordinary
 * characters. They are folded, by a table of those code points only: the rest of the text keeps
 * every character as written (no NFKC: ① and （ stay).
 */

const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0x2ef3], // CJK radicals supplement (only a few have an ideograph to fold to)
  [0x2f00, 0x2fd5], // Kangxi radicals
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0x2f800, 0x2fa1f], // CJK compatibility ideographs supplement
];

/**
 * The table: each listed code point → the unified ideograph Unicode's decomposition gives it. Taken
 * from the decomposition of that one character (never of the text), and kept only when the result is
 * a single unified ideograph.
 */
const TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const folded = char.normalize('NFKC');
      if (folded !== char && [...folded].length === 1 && /\p{Script=Han}/u.test(folded)) {
        table.set(char, folded);
      }
    }
  }
  return table;
})();

/**
 * Fonts that share one glyph between an ideograph and its radical form (Noto Sans CJK, as Chromium
 * embeds it) give the text layer the radical even where Unicode has no decomposition for it: `⺠` for
 * 民, `⻑` for 長. The same sharing puts U+2027 `‧` where the text has the 中黒 `・`. Only radicals that
 * look exactly like their ideograph are listed, so a radical a text really means is never changed.
 */
const SHARED_GLYPHS: ReadonlyMap<string, string> = new Map([
  ['\u2ea0', '民'],
  ['\u2ea9', '王'],
  ['\u2eac', '示'],
  ['\u2eae', '竹'],
  ['\u2eaf', '糸'],
  ['\u2ec1', '虎'],
  ['\u2ec4', '西'],
  ['\u2ec6', '角'],
  ['\u2ed1', '長'],
  ['\u2ed8', '青'],
  ['\u2edd', '食'],
  ['\u2ee3', '骨'],
  ['\u2ee4', '鬼'],
  ['\u2ee9', '黄'],
  ['\u2eeb', '斉'],
  ['\u2eed', '歯'],
  ['\u2eef', '竜'],
  ['\u2ef2', '亀'],
  ['\u2027', '・'],
]);

const FOLDABLE = /[\u2027\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/gu;

export function foldIdeographs(text: string): string {
  return text.replace(FOLDABLE, (char) => TABLE.get(char) ?? SHARED_GLYPHS.get(char) ?? char);
}
