// Variants beyond the seed that extraction tools produce; each stated with its expected reading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIchiranText } from './parse-text.ts';

const head = '重点目標一覧表\n担当部局名\tみどり町総務部\n【令和4年度重点目標】\t【令和5年度重点目標】\n';
const titles = '重点目標\t行財政改革\t\t重点目標\t行財政改革\t\n';

describe('layout variants', () => {
  it('reads the department and years split over cells of one line', () => {
    const doc = parseIchiranText(`${head}${titles}1\t① a\t\t① b\t\t\n`);
    assert.equal(doc.department, 'みどり町総務部');
    assert.deepEqual([doc.review.fiscalYear, doc.plan.fiscalYear], [2022, 2023]);
  });

  it('takes a row number standing on the title row', () => {
    const doc = parseIchiranText(
      `${head}1\t重点目標\t行財政改革\t\t重点目標\t行財政改革\t\n\t① a\t① x\t① b\t① y\t\n`,
    );
    assert.deepEqual(doc.review.goals, [
      { no: 1, title: '行財政改革', items: [{ no: 1, text: 'a', achievement: 'x' }] },
    ]);
    assert.deepEqual(doc.plan.goals[0]?.items, [{ no: 1, text: 'b', target: 'y' }]);
  });

  it('takes a repeated header reduced to its years as a page break', () => {
    const text = `${head}${titles}1\t① a\t\t\t\t\n【令和4年度重点目標】\n【令和5年度重点目標】\n\t② b\t\t\t\t\n`;
    assert.deepEqual(
      parseIchiranText(text).review.goals[0]?.items.map((i) => i.text),
      ['a', 'b'],
    );
  });

  it('does not take a goal row mentioning 重点目標一覧表 for a page header', () => {
    const doc = parseIchiranText(`${head}${titles}1\t① 重点目標一覧表の公表\t\t\t\t\n`);
    assert.equal(doc.review.goals[0]?.items[0]?.text, '重点目標一覧表の公表');
  });

  it('maps circled numbers past ⑳', () => {
    const doc = parseIchiranText(`${head}${titles}1\t㉑ a\t㉑ x\t㊿ b\t㊿ y\t\n`);
    assert.deepEqual(doc.review.goals[0]?.items, [{ no: 21, text: 'a', achievement: 'x' }]);
    assert.deepEqual(doc.plan.goals[0]?.items, [{ no: 50, text: 'b', target: 'y' }]);
    assert.deepEqual(doc.warnings, []);
  });

  it('attaches an unnumbered note to the item of its row, warning when the goal has several', () => {
    const doc = parseIchiranText(`${head}${titles}1\t<p>① a</p> <p>② b</p>\t<p>達成</p>\t\t\n`);
    assert.equal(doc.review.goals[0]?.items[1]?.achievement, '達成');
    assert.deepEqual(doc.warnings, [
      { message: 'goal 1: achievement without numbering attached to item ②', line: 5 },
    ]);
  });

  it('warns about gaps in the row numbers and about missing titles', () => {
    const doc = parseIchiranText(`${head}${titles}1\t① a\t\t① b\t\t\n3\t① c\t\t\t\t\n`);
    assert.deepEqual(doc.warnings, [
      { message: 'goal numbering jumps from 1 to 3', line: 6 },
      { message: 'goal 3: review title is missing', line: 6 },
    ]);
    assert.deepEqual(doc.review.goals[1], { no: 3, title: '', items: [{ no: 1, text: 'c' }] });
  });

  it('keeps a duplicated item number as two items and warns', () => {
    const doc = parseIchiranText(`${head}${titles}1\t① a\t① x\t\t\t\n\t① b\t\t\t\t\n`);
    assert.deepEqual(
      doc.review.goals[0]?.items.map((i) => [i.no, i.text, i.achievement]),
      [
        [1, 'a', 'x'],
        [1, 'b', undefined],
      ],
    );
    assert.deepEqual(doc.warnings, [{ message: 'goal 1: review item numbering ① appears twice', line: 6 }]);
  });

  it('refuses a page footer or any other text outside the table', () => {
    assert.throws(
      () => parseIchiranText(`${head}${titles}1\t① a\t\t\t\t\n- 1 -\n`),
      (error: unknown) => error instanceof Error && /cannot place this line/.test(error.message),
    );
  });

  it('reports an empty table with a warning, not an error', () => {
    assert.deepEqual(parseIchiranText(head).warnings, [{ message: 'no goals found in the table' }]);
  });
});
