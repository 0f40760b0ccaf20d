import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldChars } from './char-fold.ts';
import { fold, foldWith, foldWithMap } from './fold.ts';
import { highlight } from './highlight.ts';
import { parseQuery } from './query.ts';
import { VARIANT_GROUPS } from './variants.data.ts';
import { builtinVariants, inconsistentForms, variantsWith } from './variants.ts';

test('every form of every built-in group folds to its first form, and that form folds to itself', () => {
  for (const group of VARIANT_GROUPS) {
    const [first] = group;
    assert.ok(first);
    const target = foldChars(first);
    assert.equal(fold(first), target, `${first} must be a fixed point`);
    for (const form of group) {
      assert.ok([...form].length >= 2, `${form}: one character would fold inside other words`);
      assert.equal(fold(form), target, `${form} → ${target}`);
    }
  }
  assert.deepEqual(inconsistentForms(builtinVariants()), []);
  assert.ok(builtinVariants().map.size >= 300, 'a few hundred pairs');
});

test('the issue pairs: 寄附/寄付, ごみ/ゴミ, 送り仮名, 漢字/かな, inside longer text', () => {
  assert.equal(fold('寄附金の募集'), fold('寄付金の募集'));
  assert.equal(fold('ゴミ減量'), fold('ごみ減量'));
  assert.equal(fold('ｺﾞﾐ'), fold('ごみ'), 'half-width katakana composes first, then folds');
  assert.equal(fold('地域の取り組み'), fold('地域の取組'));
  assert.equal(fold('お申し込み'), fold('お申込み'));
  assert.equal(fold('子供の居場所'), fold('子どもの居場所'));
  assert.equal(fold('障害者福祉'), fold('障がい者福祉'));
  assert.equal(fold('締め切り'), fold('締切'));
  assert.equal(fold('コンピューター'), fold('コンピュータ'));
});

test('words that merely contain a form are left alone', () => {
  assert.equal(fold('変更に伴い'), '変更に伴い');
  assert.equal(fold('皆様に'), fold('みなさまに'));
  assert.equal(fold('なごみの里'), 'なごみの里');
  assert.equal(fold('個人情報'), '個人情報');
});

test('a query in one form finds the text in another, and the highlight marks the original span', () => {
  const [term] = parseQuery('寄付');
  assert.ok(term);
  assert.ok(fold('ふるさと寄附金').includes(term));
  const segments = highlight('ふるさと寄附金の活用', [term]);
  assert.deepEqual(
    segments.filter((s) => s.hit).map((s) => s.text),
    ['寄附'],
  );
  // A shorter key maps back onto the whole longer original.
  const [deadline] = parseQuery('締切');
  assert.deepEqual(
    highlight('申請の締め切りは5月', [deadline ?? ''])
      .filter((s) => s.hit)
      .map((s) => s.text),
    ['締め切り'],
  );
  const mapped = foldWithMap('ゴミ');
  assert.equal(mapped.text.length, mapped.starts.length);
});

test('a municipality pair joins a built-in group or stands alone; the original text never changes', () => {
  const local = variantsWith([
    { variant: 'ダストボックス', canonical: 'ゴミ箱' },
    { variant: 'ＧＸ', canonical: 'グリーントランスフォーメーション' },
  ]);
  assert.deepEqual(inconsistentForms(local), []);
  assert.equal(foldWith('ダストボックス', local), foldWith('ゴミ箱', local));
  assert.equal(foldWith('ごみ箱', local), foldWith('ゴミ箱', local));
  assert.equal(foldWith('gx推進', local), foldWith('グリーントランスフォーメーション推進', local));
  assert.notEqual(fold('ダストボックス'), fold('ゴミ箱'), 'only that municipality folds its pair');
  const text = 'ダストボックスの設置';
  highlight(text, parseQuery('ゴミ箱', local), local);
  assert.equal(text, 'ダストボックスの設置');
});

test('a pair whose variant is a prefix of its canonical form is detected as inconsistent', () => {
  assert.ok(inconsistentForms(variantsWith([{ variant: '検診', canonical: '検診等' }])).length > 0);
});
