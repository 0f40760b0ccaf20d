import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, foldWithMap } from './fold.ts';
import { parseQuery } from './query.ts';

test('NFKC: full-width ASCII to ASCII, half-width kana to full width, lower case', () => {
  assert.equal(fold('ＡＢＣ１２３'), 'abc123');
  assert.equal(fold('ＬＩＮＥ@'), 'line@');
  assert.equal(fold('ｼﾞﾝｹﾝ ﾊﾟｰｸ'), 'ジンケン パーク');
  assert.equal(fold('㈱①'), '(株)1');
  assert.equal(fold('移住\u3000相談'), '移住 相談');
});

test('wave dashes fold together', () => {
  const variants = ['5月〜6月', '5月～6月', '5月~6月', '5月∼6月'];
  assert.deepEqual(new Set(variants.map(fold)), new Set(['5月~6月']));
});

test('dashes after katakana are the long vowel mark, elsewhere a hyphen', () => {
  assert.equal(fold('センタ－'), 'センター');
  assert.equal(fold('センタ―'), 'センター');
  assert.equal(fold('ｾﾝﾀｰ'), 'センター');
  assert.equal(fold('R4－5'), 'r4-5');
  assert.equal(fold('R4‐5'), 'r4-5');
  assert.equal(fold('3−2'), '3-2');
  assert.equal(fold('すごーい'), 'すごーい');
});

test('variation selectors and zero-width characters are dropped', () => {
  assert.equal(fold('葛\u{E0100}城'), '葛城');
  assert.equal(fold('移\u200B住'), '移住');
});

test('the offset map points every folded unit at its original segment', () => {
  const { text, starts, ends } = foldWithMap('㈱ｶﾞＡ');
  assert.equal(text, '(株)ガa');
  assert.deepEqual(starts, [0, 0, 0, 1, 3]);
  assert.deepEqual(ends, [1, 1, 1, 3, 4]);
  // Surrogate pairs stay one segment.
  const pair = foldWithMap('𠮷野');
  assert.equal(pair.text, '𠮷野');
  assert.deepEqual(pair.starts, [0, 0, 2]);
});

test('parseQuery folds, splits on any whitespace, drops duplicates, keeps syntax as text', () => {
  assert.deepEqual(parseQuery('  移住\u3000相談 移住 '), ['移住', '相談']);
  assert.deepEqual(parseQuery('ＬＩＮＥ OR "x" NEAR('), ['line', 'or', '"x"', 'near(']);
  assert.deepEqual(parseQuery('   '), []);
  assert.equal(parseQuery(Array.from({ length: 20 }, (_, i) => `t${i}`).join(' ')).length, 8);
});
