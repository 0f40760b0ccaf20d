/** The form's head read box by box, and the glyphs fonts share between an ideograph and its radical. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run } from './extract.ts';
import { foldIdeographs } from './fold.ts';
import { readHeadLines } from './furniture.ts';
import { makeLine } from './lines.ts';

const SIZE = 10;
const box = (text: string, x: number): Run => ({
  text,
  x,
  y: 560,
  width: [...text].length * SIZE,
  size: SIZE,
  font: 'f',
});

describe('a head line of several boxes', () => {
  it('reads 担当部局名 boxed at the right of the title and a form number', () => {
    const line = makeLine([
      box('（様式１）', 20),
      box('重点目標一覧表', 350),
      box('担当部局名：総務部', 700),
    ]);
    assert.deepEqual(readHeadLines(line), [
      { kind: 'furniture' },
      { kind: 'title' },
      { kind: 'department', name: '総務部' },
    ]);
  });

  it('reads the label and the name in boxes of their own', () => {
    const line = makeLine([box('重点目標一覧表', 300), box('担当部局名', 600), box('企画部', 700)]);
    assert.deepEqual(readHeadLines(line), [{ kind: 'title' }, { kind: 'department', name: '企画部' }]);
  });

  it('reads a line that starts with 担当部局名 whole, and table text not at all', () => {
    assert.deepEqual(readHeadLines(makeLine([box('担当部局名\u3000企画部', 20)])), [
      { kind: 'department', name: '企画部' },
    ]);
    assert.deepEqual(readHeadLines(makeLine([box('① 担当部局名の変更', 20)])), []);
  });
});

describe('glyphs shared by an ideograph and its radical form', () => {
  it('folds ⺠ ⻑ ⻄ and the hyphenation point a font gives for 民 長 西 and ・', () => {
    assert.equal(
      foldIdeographs('市\u2ea0課 \u2ed1野 関\u2ec4 達成状況\u2027達成度'),
      '市民課 長野 関西 達成状況・達成度',
    );
    assert.equal(foldIdeographs('⻌ ①（１）'), '⻌ ①（１）');
  });
});
