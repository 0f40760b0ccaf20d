import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { guard, needsGuard, unguard } from './formula-guard.ts';

test('a formula start after spaces, tabs, line breaks or control characters is guarded', () => {
  const hostile = ['=1+1', ' =1+1', ' \t=1+1', '\n=1+1', '\r\n+1', '\u0000@SUM(A1)', '\u3000-1', '\t', '\rx'];
  assert.deepEqual(
    hostile.map(guard),
    hostile.map((t) => `'${t}`),
  );
});

test('full-width ＝, text after the start and plain text are left alone', () => {
  for (const text of ['＝1+1', '＋1', 'ok =1', '・箇条書き', '', ' ', '\n', '説明会 10回以上'])
    assert.equal(guard(text), text, JSON.stringify(text));
});

test("a text that already starts with ' before a formula gets one more, so unguard knows which to drop", () => {
  assert.equal(guard("'=1"), "''=1");
  assert.equal(unguard("''=1"), "'=1");
  assert.equal(guard("'abc"), "'abc");
  assert.equal(unguard("'abc"), "'abc");
});

test('unguard undoes guard for any text, and what guard writes never starts a formula', () => {
  const risky = fc.string({
    unit: fc.constantFrom(
      "'",
      ' ',
      '\t',
      '\r',
      '\n',
      '\u0000',
      '\u3000',
      '=',
      '+',
      '-',
      '@',
      '＝',
      'a',
      'あ',
    ),
    maxLength: 8,
  });
  fc.assert(
    fc.property(fc.oneof(risky, fc.string({ unit: 'binary' })), (text) => {
      const written = guard(text);
      assert.equal(unguard(written), text);
      // A spreadsheet sees either the text marker first or something that is no formula.
      assert.ok(written.startsWith("'") || !needsGuard(written), JSON.stringify(written));
    }),
    { numRuns: 2000 },
  );
});
