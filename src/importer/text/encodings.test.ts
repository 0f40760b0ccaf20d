import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeInput } from '../decode.ts';
import { expectedOf, fixtureBytes, fixtureText } from './fixture-files.ts';
import { parseIchiranText } from './parse-text.ts';

const expected = expectedOf('tab-rows.txt');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('input encodings and line ends', () => {
  it('reads CRLF input, with the same line numbers in warnings', () => {
    const crlf = fixtureText('duplicate-numbering.txt').replace(/\n/g, '\r\n');
    assert.ok(crlf.includes('\r\n'));
    const doc = parseIchiranText(decodeInput(utf8(crlf)));
    assert.deepEqual(doc, expectedOf('duplicate-numbering.txt'));
    assert.equal(doc.warnings[0]?.line, 9);
  });

  it('reads CRLF even when handed to the parser undecoded', () => {
    const crlf = fixtureText('tab-rows.txt').replace(/\n/g, '\r\n');
    assert.deepEqual(parseIchiranText(crlf), expected);
  });

  it('reads UTF-8 with a BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...fixtureBytes('tab-rows.txt')]);
    assert.deepEqual(parseIchiranText(decodeInput(bytes)), expected);
  });

  it('reads a BOM left in the string', () => {
    assert.deepEqual(parseIchiranText(`\uFEFF${fixtureText('tab-rows.txt')}`), expected);
  });

  it('reads Shift_JIS (CP932) bytes: encodings/tab-rows.sjis.txt is tab-rows.txt through iconv -t CP932', () => {
    const bytes = fixtureBytes('encodings/tab-rows.sjis.txt');
    assert.throws(
      () => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      'the fixture really is not UTF-8',
    );
    assert.deepEqual(parseIchiranText(decodeInput(bytes)), expected);
  });
});
