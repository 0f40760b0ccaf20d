import iconv from 'iconv-lite';

/** What stands in for a character CP932 cannot hold: げた記号, the typesetter's mark for a missing glyph. */
export const CP932_REPLACEMENT = '〓';

/**
 * Characters that CP932 holds under another code point (the JIS X 0208 ⇄ Windows mapping split).
 * Writing the CP932 look-alike shows the same glyph in Excel, so they are converted, not reported.
 */
const lookAlikes: Record<string, string> = {
  '\u301c': '\uff5e', // 〜 WAVE DASH → ～
  '\u2212': '\uff0d', // − MINUS SIGN → －
  '\u2016': '\u2225', // ‖ → ∥
  '\u2014': '\u2015', // — EM DASH → ―
  '\u00a2': '\uffe0', // ¢
  '\u00a3': '\uffe1', // £
  '\u00ac': '\uffe2', // ¬
  '\u00a0': ' ', // no-break space
};

const encodable = new Map<string, boolean>();

function canEncode(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    // iconv-lite writes a lone "?" for what it cannot map; that is the only way to ask it.
    const bytes = iconv.encode(char, 'cp932');
    known = char === '?' || !(bytes.length === 1 && bytes[0] === 0x3f);
    encodable.set(char, known);
  }
  return known;
}

export interface Cp932Text {
  text: string;
  /** Each character replaced, in order (code points, so 𠮷 is one). */
  replaced: string[];
}

/** Makes a string CP932-safe: look-alikes converted, anything else unencodable replaced by 〓. */
export function toCp932Text(text: string): Cp932Text {
  let out = '';
  const replaced: string[] = [];
  for (const char of text) {
    const mapped = lookAlikes[char] ?? char;
    if (mapped.charCodeAt(0) < 0x80 || canEncode(mapped)) {
      out += mapped;
    } else {
      out += CP932_REPLACEMENT;
      replaced.push(char);
    }
  }
  return { text: out, replaced };
}

export function encodeCp932(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'cp932'));
}
