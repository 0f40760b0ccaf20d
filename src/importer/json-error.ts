import { AppError } from '../errors.ts';

/**
 * A JSON syntax error as a person can act on it: line and column (issue 13, defect 10a). Node 20's
 * JSON.parse says "at position N" for most errors, nothing for "Unexpected end of JSON input", and for
 * an unexpected token it quotes the whole input instead of a position; Node 22 adds "(line L column C)".
 * The position comes from the message where there is one; otherwise from our own scan (firstErrorOffset).
 * The message never quotes the input: a 100 MB upload would be echoed back.
 */
export function jsonSyntaxError(text: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const offset = offsetIn(message) ?? firstErrorOffset(text) ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  return new AppError(
    'PARSE_ERROR',
    `not valid JSON at line ${line}, column ${column}: ${reasonOf(message)}`,
    {
      line,
      column,
    },
  );
}

function offsetIn(message: string): number | undefined {
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : Number(position);
}

/** V8's wording without the position and without any quoted input. */
function reasonOf(message: string): string {
  if (/Unexpected end of JSON input/.test(message)) return 'the text ends before the JSON is complete';
  const reason = message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .trim();
  return reason.length > 0 && reason.length <= 120 ? reason : 'invalid JSON';
}

/** 1-based line, and 1-based column counted in code points so it matches what an editor shows. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < at; i += 1) {
    const code = text.charCodeAt(i);
    // The low half of a surrogate pair is the same character as its high half.
    if (code < 0xdc00 || code > 0xdfff || i === lineStart) column += 1;
  }
  return { line, column };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * The offset of the first character that makes `text` invalid JSON (RFC 8259), `text.length` if it
 * ends too early, undefined if it is valid. One pass, no recursion, so nesting depth cannot overflow.
 */
export function firstErrorOffset(text: string): number | undefined {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  let failedAt: number | undefined;
  const fail = (at: number): false => {
    failedAt = at;
    return false;
  };
  const skipSpace = () => {
    while (i < n && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const readString = (): boolean => {
    if (text.charAt(i) !== '"') return fail(i);
    i += 1;
    while (i < n) {
      const ch = text.charAt(i);
      if (ch === '"') {
        i += 1;
        return true;
      }
      if (ch.charCodeAt(0) < 0x20) return fail(i);
      if (ch === '\\') {
        const next = text.charAt(i + 1);
        if (next === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return fail(i);
          i += 6;
        } else if (ESCAPES.has(next)) i += 2;
        else return fail(i + 1 < n ? i + 1 : n);
      } else i += 1;
    }
    return fail(n);
  };
  const readKey = (): boolean => {
    skipSpace();
    if (!readString()) return false;
    skipSpace();
    if (text.charAt(i) !== ':') return fail(i);
    i += 1;
    return true;
  };
  const readScalar = (): boolean => {
    const ch = text.charAt(i);
    if (ch === '"') return readString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (!number) return fail(i);
    i += number[0].length;
    return true;
  };

  let expectValue = true;
  for (;;) {
    skipSpace();
    if (i >= n) return expectValue || stack.length > 0 ? n : undefined;
    const ch = text.charAt(i);
    if (expectValue) {
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i += 1;
        skipSpace();
        if (text.charAt(i) === (ch === '{' ? '}' : ']')) {
          stack.pop();
          i += 1;
          expectValue = false;
        } else if (ch === '{' && !readKey()) return failedAt;
        continue;
      }
      if (!readScalar()) return failedAt;
      expectValue = false;
      continue;
    }
    const top = stack.at(-1);
    if (top === undefined) return i;
    if (ch === ',') {
      i += 1;
      if (top === '{' && !readKey()) return failedAt;
      expectValue = true;
    } else if (ch === (top === '{' ? '}' : ']')) {
      stack.pop();
      i += 1;
    } else return i;
  }
}
