import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlight } from './highlight.ts';
import { parseQuery } from './query.ts';

const marked = (text: string, q: string) =>
  highlight(text, parseQuery(q))
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('');

test('marks the original text, not the folded one', () => {
  assert.equal(marked('5月下旬～6月下旬', '下旬〜6月'), '5月[下旬～6月]下旬');
  assert.equal(marked('5月下旬〜6月下旬', '～'), '5月下旬[〜]6月下旬');
  assert.equal(marked('LINE@登録者', 'ＬＩＮＥ'), '[LINE]@登録者');
  assert.equal(marked('ｾﾝﾀｰの窓口', 'センター'), '[ｾﾝﾀｰ]の窓口');
  assert.equal(marked('㈱まちづくり', '株'), '[㈱]まちづくり');
});

test('every term is marked, overlapping matches merge, the text is kept whole', () => {
  const text = '移住相談会と移住セミナー';
  assert.equal(marked(text, '移住 相談'), '[移住相談]会と[移住]セミナー');
  assert.equal(marked(text, '住相 相談会'), '移[住相談会]と移住セミナー');
  const segments = highlight(text, parseQuery('セミナー'));
  assert.equal(segments.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segments.map((s) => s.hit),
    [false, true],
  );
});

test('no match and empty text', () => {
  assert.deepEqual(highlight('移住', ['寄附']), [{ text: '移住', hit: false }]);
  assert.deepEqual(highlight('', ['寄附']), []);
});
