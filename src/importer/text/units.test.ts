import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { circledValue, splitLeadingCircled, toCircled } from '../../domain/vocabulary/numbering.ts';
import { cellParagraphs, foldWhitespace } from './paragraphs.ts';
import { leadingUnit, unitParagraph } from './units.ts';

describe('circled numbers', () => {
  it('maps ①..⑳, ㉑..㉟ and ㊱..㊿ to 1..50', () => {
    assert.equal(circledValue('①'), 1);
    assert.equal(circledValue('⑳'), 20);
    assert.equal(circledValue('㉑'), 21);
    assert.equal(circledValue('㉟'), 35);
    assert.equal(circledValue('㊱'), 36);
    assert.equal(circledValue('㊿'), 50);
    assert.equal(circledValue('1'), undefined);
    for (let n = 1; n <= 50; n++) assert.equal(circledValue(toCircled(n)), n);
  });

  it('splits a leading circled number off the text', () => {
    assert.deepEqual(splitLeadingCircled('② 年度末まで'), { no: 2, rest: '年度末まで' });
    assert.deepEqual(splitLeadingCircled('㉑ 二十一'), { no: 21, rest: '二十一' });
    assert.equal(splitLeadingCircled('(2) 続き'), undefined);
  });
});

describe('paragraphs', () => {
  it('folds whitespace runs, U+3000 included, and trims', () => {
    assert.equal(foldWhitespace('\u3000 a \u3000\u3000b\t c  '), 'a b c');
  });

  it('splits <p> cells, keeps text between paragraphs, decodes entities only there', () => {
    assert.deepEqual(cellParagraphs('<p>① a</p> <p>  ② b&amp;c </p>'), ['① a', '② b&c']);
    assert.deepEqual(cellParagraphs('<p>x<br/>y</p>stray'), ['x y', 'stray']);
    assert.deepEqual(cellParagraphs(' ① a &amp; b '), ['① a &amp; b']);
    assert.deepEqual(cellParagraphs(' \u3000 '), []);
  });
});

describe('units', () => {
  it('reads （…） paragraphs, not (1) numbering', () => {
    assert.equal(unitParagraph('（豊殿地域自治センター）'), '豊殿地域自治センター');
    assert.equal(unitParagraph('(総務課)'), '総務課');
    assert.equal(unitParagraph('(1)'), undefined);
    assert.equal(unitParagraph('（豊殿）の取組'), undefined);
  });

  it('reads a leading 【…】 only when it names an organisation', () => {
    assert.deepEqual(leadingUnit('【豊殿、塩田、川西地域自治センター】 ・ 支援'), {
      unit: '豊殿、塩田、川西地域自治センター',
      rest: '・ 支援',
    });
    assert.equal(leadingUnit('【新規】 空き家対策'), undefined);
    assert.equal(leadingUnit('支援【総務課】'), undefined);
  });
});
