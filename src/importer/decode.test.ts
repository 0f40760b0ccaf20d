import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.ts';
import { decodeForDisplay, decodeInput, INVALID_UTF8_MESSAGE } from './decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// "重点目標一覧表\n①あ\u3000ア" in CP932, produced with `iconv -t CP932`; 表 holds 0x5C as trail byte.
const shiftJisBytes = Uint8Array.from([
  0x8f, 0x64, 0x93, 0x5f, 0x96, 0xda, 0x95, 0x57, 0x88, 0xea, 0x97, 0x97, 0x95, 0x5c, 0x0a, 0x87, 0x40, 0x82,
  0xa0, 0x81, 0x40, 0x83, 0x41,
]);

describe('decodeInput', () => {
  it('decodes UTF-8 without BOM', () => {
    assert.equal(decodeInput(utf8('重点目標一覧表\n①')), '重点目標一覧表\n①');
  });

  it('drops a UTF-8 BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('担当部局名 総務部')]);
    assert.equal(decodeInput(bytes), '担当部局名 総務部');
  });

  it('decodes Shift_JIS / CP932 when the bytes are not UTF-8', () => {
    assert.equal(decodeInput(shiftJisBytes), '重点目標一覧表\n①あ\u3000ア');
  });

  it('normalises CRLF and lone CR to LF', () => {
    assert.equal(decodeInput(utf8('a\r\nb\rc\n\r\nd')), 'a\nb\nc\n\nd');
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0xcd, 0x91, 0x0a, 0x00]);
    assert.equal(decodeInput(le), '重\n');
  });

  it('never NFKC-normalises', () => {
    const text = 'ＡＢＣ１２３ ① ㎡ ｶﾅ';
    assert.equal(decodeInput(utf8(text)), text);
  });

  it('decodes empty input to an empty string', () => {
    assert.equal(decodeInput(new Uint8Array()), '');
  });

  it('names the line of one bad byte in a UTF-8 file instead of reading it all as Shift_JIS (issue 13, 10c)', () => {
    const lines = [
      '重点目標一覧表',
      '担当部局名 総務部',
      '【令和4年度重点目標】',
      '【令和5年度重点目標】',
      '説明会を開催する',
    ];
    const bytes = utf8(lines.join('\r\n'));
    const damaged = bytes.slice();
    const at = utf8(lines.slice(0, 4).join('\r\n')).length + 5;
    damaged[at] = 0xff;
    assert.throws(
      () => decodeInput(damaged),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'PARSE_ERROR' &&
        error.location.line === 5 &&
        error.message.startsWith(INVALID_UTF8_MESSAGE),
    );
    assert.match(decodeForDisplay(damaged).split('\n')[4] ?? '', /^説\uFFFD+会を開催する$/);
  });

  it('still reads a Shift_JIS file, whose bytes are mostly not UTF-8', () => {
    const many = Uint8Array.from([...shiftJisBytes, 0x0a, ...shiftJisBytes, 0x0a, ...shiftJisBytes]);
    assert.equal(
      decodeInput(many),
      ['重点目標一覧表\n①あ\u3000ア', '重点目標一覧表\n①あ\u3000ア', '重点目標一覧表\n①あ\u3000ア'].join(
        '\n',
      ),
    );
  });
});
