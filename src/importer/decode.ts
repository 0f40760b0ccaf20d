/**
 * Bytes of an extracted text → string. Cities hand over UTF-8 (with or without BOM) and, from
 * older Windows tools, Shift_JIS/CP932. Content is never NFKC-normalised: characters stay as
 * written (full-width digits, ①, ㎡ are content).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
// WHATWG "shift_jis" is Windows-31J (CP932), so NEC specials such as ① decode too.
const shiftJis = new TextDecoder('shift_jis');

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The decoder drops a UTF-8 BOM itself.
    return utf8.decode(bytes);
  } catch {
    // Not valid UTF-8: Shift_JIS text almost never is, so this is the reliable signal.
    return shiftJis.decode(bytes);
  }
}

/** Decodes the input and normalises CRLF and lone CR to LF, so line numbers match any editor's. */
export function decodeInput(bytes: Uint8Array): string {
  const text = decodeBytes(bytes);
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}
