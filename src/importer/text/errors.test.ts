import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, type ErrorCode } from '../../errors.ts';
import { fixtureText } from './fixture-files.ts';
import { parseIchiranText } from './parse-text.ts';

function failure(text: string): AppError {
  try {
    parseIchiranText(text);
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the parse to fail');
}

function assertFails(text: string, code: ErrorCode, line: number, message: RegExp): void {
  const error = failure(text);
  assert.equal(error.code, code, error.message);
  assert.equal(error.location.line, line, error.message);
  assert.match(error.message, message);
}

const head = '重点目標一覧表\n担当部局名 みどり町総務部\n【令和4年度重点目標】\n【令和5年度重点目標】\n';
const titles = '重点目標\t行財政改革\t\t重点目標\t行財政改革\t\n';

describe('bad input', () => {
  it('a random text is NOT_A_DOCUMENT, naming its first line', () => {
    assertFails(fixtureText('bad/random.txt'), 'NOT_A_DOCUMENT', 1, /重点目標一覧表/);
    assertFails('', 'NOT_A_DOCUMENT', 1, /end of the text/);
  });

  it('a header without department is NOT_A_DOCUMENT', () => {
    assertFails(fixtureText('bad/no-department.txt'), 'NOT_A_DOCUMENT', 3, /担当部局名/);
  });

  it('a header without years is NOT_A_DOCUMENT', () => {
    assertFails('重点目標一覧表\n担当部局名 総務部\n\n1\t① a\t\t\t\n', 'NOT_A_DOCUMENT', 4, /年度重点目標/);
  });

  it('a stray line in the middle is a PARSE_ERROR on its line', () => {
    assertFails(fixtureText('bad/stray-line.txt'), 'PARSE_ERROR', 8, /cannot place this line.*この行は/);
  });

  it('a repeated header with another department or other years is an error', () => {
    assertFails(fixtureText('bad/repeated-header-department.txt'), 'PARSE_ERROR', 9, /みどり町建設部/);
    assertFails(
      fixtureText('bad/repeated-header-year.txt'),
      'PARSE_ERROR',
      9,
      /review year 令和5年度.*令和4年度/,
    );
  });

  it('a plan year that is not review + 1 is an error', () => {
    assertFails(
      fixtureText('bad/plan-year-gap.txt'),
      'PARSE_ERROR',
      4,
      /令和5年度 must follow the review year 令和3年度/,
    );
  });

  it('an unreadable year is an error', () => {
    assertFails('重点目標一覧表\n担当部局名 総務部\n【来年度重点目標】\n', 'PARSE_ERROR', 3, /fiscal year/);
  });

  it('continuation rows before any goal row', () => {
    assertFails(`${head}\t① a\t\t\t\t\n`, 'PARSE_ERROR', 5, /row number/);
  });

  it('an item cell that does not start with a circled number and continues nothing', () => {
    assertFails(`${head}${titles}1\t事務の見直し\t\t\t\t\n`, 'PARSE_ERROR', 6, /circled number/);
  });

  it('a title row not followed by a goal row, or followed by another', () => {
    assertFails(`${head}${titles}`, 'PARSE_ERROR', 5, /not followed by a goal row/);
    assertFails(`${head}${titles}${titles}`, 'PARSE_ERROR', 6, /another title row/);
  });

  it('row numbers must go up', () => {
    assertFails(`${head}${titles}2\t① a\t\t\t\t\n${titles}2\t① b\t\t\t\t\n`, 'PARSE_ERROR', 8, /expected 3/);
  });

  it('a row with more than five cells of content', () => {
    assertFails(`${head}${titles}1\t① a\t\t① b\t\t余り\n`, 'PARSE_ERROR', 6, /5 cells/);
  });

  it('a title in the cell that disagrees with the title row', () => {
    assertFails(
      `${head}${titles}1\t<p>重点目標 別の目標</p> <p>① a</p>\t\t\t\n`,
      'PARSE_ERROR',
      6,
      /differs/,
    );
  });

  it('describes itself with the line for the user', () => {
    const error = failure(fixtureText('bad/stray-line.txt')).withFile('somu.txt');
    assert.match(error.describe(), /^somu\.txt:8: cannot place this line/);
  });
});
