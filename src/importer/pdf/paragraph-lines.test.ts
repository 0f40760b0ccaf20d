import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paragraphsOfLines } from './paragraph-lines.ts';

describe('a cell’s lines → its paragraphs', () => {
  it('starts a paragraph at a sub-item (2), （２） or ⑵, so the sub-item keeps its space before it', () => {
    assert.deepEqual(
      paragraphsOfLines(['① 防犯灯の', 'LED化', '⑴ 通学路を優先', '（２） 公園', '(3) 駅前']),
      ['① 防犯灯のLED化', '⑴ 通学路を優先', '（２） 公園', '(3) 駅前'],
    );
  });

  it('splits a unit too long for its line off the item before it when an item follows', () => {
    assert.deepEqual(
      paragraphsOfLines([
        '① 資源物の分別徹底',
        '（清掃センター・北部リサイクルセン',
        'ター）',
        '② 処理機の補助',
      ]),
      ['① 資源物の分別徹底', '（清掃センター・北部リサイクルセンター）', '② 処理機の補助'],
    );
  });

  it('keeps a wrapped remark in its item: （3,900千円） is no unit, nor a unit-like end without an item after it', () => {
    assert.deepEqual(paragraphsOfLines(['① 補助金の交付', '（3,900千円）', '② 相談']), [
      '① 補助金の交付（3,900千円）',
      '② 相談',
    ]);
    assert.deepEqual(paragraphsOfLines(['① 連携の強化', '（地域振興', '課）']), [
      '① 連携の強化（地域振興課）',
    ]);
  });

  it('reads the 重点目標 label alone on its line and the title on the next as one title paragraph', () => {
    assert.deepEqual(paragraphsOfLines(['重点目標', '移住の促進', '① 相談会']), [
      '重点目標 移住の促進',
      '① 相談会',
    ]);
    assert.deepEqual(paragraphsOfLines(['重点目標：', '移住の', '促進']), ['重点目標： 移住の促進']);
  });
});
