import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  itemCellText,
  parseItemCell,
  splitNumbered,
  withLineBreaks,
  withoutLineBreaks,
} from './cell-text.ts';

describe('cell texts', () => {
  it('breaks lines before bullets and sub-items, and reading restores the text', () => {
    const text = '住民自治の推進 ・ 説明会 (1) ○北部 (2) 南部 ※予定';
    const cell = withLineBreaks(text);
    assert.equal(cell, '住民自治の推進 \n・ 説明会 \n(1) ○北部 \n(2) 南部 \n※予定');
    assert.equal(withoutLineBreaks(cell), text);
  });

  it('keeps a line break a person typed', () => {
    assert.equal(withoutLineBreaks('一行目\n二行目'), '一行目\n二行目');
  });

  it('writes the unit on its own line and the circled number before the text', () => {
    const cell = itemCellText({ no: 2, unit: '北部地域自治センター', text: '防犯灯 ・ LED化' });
    assert.equal(cell, '（北部地域自治センター）\n② 防犯灯 \n・ LED化');
    assert.deepEqual(parseItemCell(cell), { no: 2, unit: '北部地域自治センター', text: '防犯灯 ・ LED化' });
  });

  it('reads numbers past ㊿ and items without a number', () => {
    assert.deepEqual(splitNumbered('(51) (1) 続き'), { no: 51, text: '(1) 続き' });
    assert.deepEqual(splitNumbered('番号なし'), { no: undefined, text: '番号なし' });
    assert.deepEqual(splitNumbered('③'), { no: 3, text: '' });
  });
});
