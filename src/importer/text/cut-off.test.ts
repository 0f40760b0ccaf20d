/** Issue 13 defect 8: a text that ends mid-row is imported with a warning naming the line. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decodeInput } from '../decode.ts';
import { parseIchiranText } from './parse-text.ts';

const head = '重点目標一覧表\n担当部局名\t総務部\n【令和4年度重点目標】\t【令和5年度重点目標】\n';
const titles = '重点目標\t行財政改革\t\t重点目標\t行財政改革\t\n';
const row1 = '1\t① a\t① x\t① b\t① y\t\n';

const cutWarnings = (text: string) =>
  parseIchiranText(text).warnings.filter((w) => w.message.endsWith('the file may be cut off'));

const seedUrl = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
const seed = existsSync(seedUrl) ? decodeInput(readFileSync(seedUrl)) : undefined;

describe('a text cut off mid-row', () => {
  it('complete texts get no such warning, with or without a last line end', () => {
    assert.deepEqual(cutWarnings(`${head}${titles}${row1}\t② c\t② z\t② d\t② w\t\n`), []);
    assert.deepEqual(cutWarnings(`${head}${titles}${row1}\t② c\t② z\t② d\t② w\t`), []);
    assert.deepEqual(cutWarnings(`${head}${titles}1\t<p>① a</p>\t<p>① x</p>\t<p>① b</p>\t<p>① y</p>`), []);
  });

  it('a last row without its target column', () => {
    assert.deepEqual(cutWarnings(`${head}${titles}${row1}\t② c\t② z\t② d`), [
      { message: 'the text ends mid-row on line 6: 4 of the 5 columns; the file may be cut off', line: 6 },
    ]);
  });

  it('a last row whose target was cut, where every other row ends with a tab', () => {
    assert.deepEqual(cutWarnings(`${head}${titles}${row1}\t② c\t② z\t② d\t② 年度末`), [
      { message: 'the text ends mid-row on line 6: 5 of the 5 columns; the file may be cut off', line: 6 },
    ]);
  });

  it('a goal cut after its title', () => {
    assert.deepEqual(cutWarnings(`${head}${titles}${row1}2\t重点目標\t窓口改革\t\t重点目標\t窓口改革\t\n`), [
      {
        message:
          'goal 2: the text ends after the review title on line 6, before any item; the file may be cut off',
        line: 6,
      },
    ]);
  });

  it('a cell cut mid-paragraph', () => {
    assert.deepEqual(cutWarnings(`${head}${titles}1\t<p>① a</p>\t<p>① x</p>\t<p>① b</p>\t<p>① 年度`), [
      {
        message:
          'the text ends inside a paragraph on line 5 (a <p> without its </p>); the file may be cut off',
        line: 5,
      },
    ]);
  });

  it('the seed cut inside its last row warns; cut at a row end does not', {
    skip: !seed && 'no seed',
  }, () => {
    const text = seed ?? '';
    const lastRow = text.lastIndexOf('\n', text.length - 1) + 1;
    const lineNo = text.slice(0, lastRow).split('\n').length;
    const cut = cutWarnings(text.slice(0, lastRow + 40));
    assert.equal(cut.length, 1);
    assert.equal(cut[0]?.line, lineNo);
    assert.deepEqual(cutWarnings(text), []);
  });
});
