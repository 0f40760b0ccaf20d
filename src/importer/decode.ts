/**
 * Bytes of an extracted text → string. Cities hand over UTF-8 (with or without BOM) and, from
 * older Windows tools, Shift_JIS/CP932. Content is never NFKC-normalised: characters stay as
 * written (full-width digits, ①, ㎡ are content).
 */

import { AppError } from '../errors.ts';

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
    // Not valid UTF-8: Shift_JIS text almost never is, so this is the reliable signal — unless the
    // file is UTF-8 through and through but for a few damaged bytes (issue 13, defect 10c).
    const scan = scanUtf8(bytes);
    if (mostlyUtf8(scan)) throw invalidUtf8(bytes, scan.firstBad);
    return shiftJis.decode(bytes);
  }
}

export const INVALID_UTF8_MESSAGE = 'the file is UTF-8 but holds bytes that are not UTF-8';

interface Utf8Scan {
  /** Well-formed sequences of two to four bytes: Japanese UTF-8 text is made of them. */
  multibyte: number;
  /** Runs of bytes where a well-formed sequence should start and none does (one damaged character is one run). */
  bad: number;
  firstBad: number;
}

/** Sequence length from the lead byte, with the second-byte ranges of RFC 3629 (no overlongs, no surrogates). */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  const inRange = (at: number, lo: number, hi: number) => {
    const b = bytes[at];
    return b !== undefined && b >= lo && b <= hi;
  };
  const tail = (from: number, count: number) => {
    for (let k = 0; k < count; k += 1) if (!inRange(from + k, 0x80, 0xbf)) return false;
    return true;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return tail(i + 1, 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const [lo, hi] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return inRange(i + 1, lo, hi) && tail(i + 2, 1) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [lo, hi] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return inRange(i + 1, lo, hi) && tail(i + 2, 2) ? 4 : 0;
  }
  return 0;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multibyte: 0, bad: 0, firstBad: -1 };
  let inBadRun = false;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceAt(bytes, i);
    if (length === 0) {
      if (scan.firstBad < 0) scan.firstBad = i;
      if (!inBadRun) scan.bad += 1;
      inBadRun = true;
      i += 1;
    } else {
      inBadRun = false;
      if (length > 1) scan.multibyte += 1;
      i += length;
    }
  }
  return scan;
}

/**
 * A Shift_JIS file happens to hold a valid UTF-8 sequence now and then, but its other bytes are far
 * more often not: a few bad bytes among many good sequences means damaged UTF-8 (a bad copy, a
 * truncated download, one character saved by another tool), and decoding all of it as Shift_JIS would
 * garble every line and blame the header instead of the damaged one. Measured on every fixture and the
 * seed saved as CP932: 1.7 to 3.6 bad runs per good sequence; damaged UTF-8 has well under 0.1.
 */
function mostlyUtf8(scan: Utf8Scan): boolean {
  return scan.multibyte >= 8 && scan.bad * 10 <= scan.multibyte;
}

/** 1-based line of a byte offset, counting LF, CRLF and a lone CR as decodeInput does. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

function invalidUtf8(bytes: Uint8Array, offset: number): AppError {
  const line = lineOfByte(bytes, offset);
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return new AppError(
    'PARSE_ERROR',
    `${INVALID_UTF8_MESSAGE}: line ${line} (byte 0x${byte} at offset ${offset})`,
    {
      line,
    },
  );
}

/** The text as far as it can be read, damaged bytes shown as U+FFFD: for showing a user the line at fault. */
export function decodeForDisplay(bytes: Uint8Array): string {
  try {
    return decodeInput(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  }
}

/** Decodes the input and normalises CRLF and lone CR to LF, so line numbers match any editor's. */
export function decodeInput(bytes: Uint8Array): string {
  const text = decodeBytes(bytes);
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}
