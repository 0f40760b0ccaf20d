import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DiffSegment, diffWords, segmentWords } from './diff.ts';

const side = (diff: DiffSegment[], drop: 'added' | 'removed') =>
  diff
    .filter((d) => d.op !== drop)
    .map((d) => d.text)
    .join('');

describe('diffWords', () => {
  it('segments Japanese into words with ICU', () => {
    assert.deepEqual(segmentWords('自治基本条例に基づく'), ['自治', '基本', '条例', 'に', '基づく']);
  });

  it('seed goal 2: a prefix was added (参加と協働… → 自治基本条例に基づく参加と協働…)', () => {
    assert.deepEqual(
      diffWords('参加と協働によるまちづくりの推進', '自治基本条例に基づく参加と協働によるまちづくりの推進'),
      [
        { op: 'added', text: '自治基本条例に基づく' },
        { op: 'same', text: '参加と協働によるまちづくりの推進' },
      ],
    );
  });

  it('seed goal 4 item ③: a word replaced at the end (事業創設 → の充実)', () => {
    assert.deepEqual(diffWords('AMUによる「新しい学びの場」事業創設', 'AMUによる「新しい学びの場」の充実'), [
      { op: 'same', text: 'AMUによる「新しい学びの場」' },
      { op: 'removed', text: '事業創設' },
      { op: 'added', text: 'の充実' },
    ]);
  });

  it('demo 市民生活部 2024: a word replaced in the middle (普及促進 → 利活用)', () => {
    assert.deepEqual(
      diffWords(
        'マイナンバーカードの普及促進と窓口サービスの向上',
        'マイナンバーカードの利活用と窓口サービスの向上',
      ),
      [
        { op: 'same', text: 'マイナンバーカードの' },
        { op: 'removed', text: '普及促進' },
        { op: 'added', text: '利活用' },
        { op: 'same', text: 'と窓口サービスの向上' },
      ],
    );
  });

  it('demo 市民生活部 2025: an insertion inside (資源循環 → 資源循環・脱炭素)', () => {
    const diff = diffWords('ごみの減量化と資源循環の推進', 'ごみの減量化と資源循環・脱炭素の推進');
    assert.deepEqual(diff, [
      { op: 'same', text: 'ごみの減量化と資源循環' },
      { op: 'added', text: '・脱炭素' },
      { op: 'same', text: 'の推進' },
    ]);
  });

  it('always rebuilds both wordings, also for unrelated and empty texts', () => {
    const pairs: Array<[string, string]> = [
      ['行財政改革の推進と健全な財政運営', '持続可能な行財政運営の推進'],
      ['', '多文化共生のまちづくりの推進'],
      ['新型コロナウイルスワクチン接種の円滑な実施', ''],
      ['同じ文', '同じ文'],
    ];
    for (const [before, after] of pairs) {
      const diff = diffWords(before, after);
      assert.equal(side(diff, 'added'), before);
      assert.equal(side(diff, 'removed'), after);
      assert.ok(
        diff.every((d, k) => k === 0 || diff[k - 1]?.op !== d.op),
        'runs of one op are joined',
      );
    }
    assert.deepEqual(diffWords('同じ文', '同じ文'), [{ op: 'same', text: '同じ文' }]);
    assert.deepEqual(diffWords('', ''), []);
  });
});
