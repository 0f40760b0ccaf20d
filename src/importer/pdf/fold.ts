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

const FOLDABLE = /[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/gu;

export function foldIdeographs(text: string): string {
  return text.replace(FOLDABLE, (char) => TABLE.get(char) ?? char);
}
