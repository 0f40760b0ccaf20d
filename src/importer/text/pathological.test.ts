/**
 * Issue 13 defect 3: lines that made the parser quadratic. Each input is large enough that the old
 * quadratic code ran past the test's timeout (minutes), while a linear parse takes about a second;
 * the assertions check that the result is still right.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import {
  continuationRows,
  departmentLine,
  itemsInOneCell,
  orphanNotes,
  unclosedParagraphs,
} from '../../test-support/pathological-inputs.ts';
import { decodeInput } from '../decode.ts';
import { readHeaderLine } from './page-header.ts';
import { parseIchiranText } from './parse-text.ts';

const parse = (bytes: Uint8Array) => parseIchiranText(decodeInput(bytes));
const timeout = 20_000;

function assertAppError(fn: () => unknown, code: string, message?: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof AppError, `an AppError, not ${String(error)}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('inputs that were quadratic', () => {
  it('a department line of 83,000 year markers (1.5 MB) is refused as no header', { timeout }, () => {
    assertAppError(() => parse(departmentLine(83_000)), 'NOT_A_DOCUMENT', /review year/);
  });

  it('the department still ends where its year markers begin', () => {
    assert.deepEqual(
      readHeaderLine('担当部局名：総務部【令和3年度】【 令和3年度重点目標 】 【令和4年度重点目標】', 1),
      [
        { kind: 'department', name: '総務部【令和3年度】' },
        { kind: 'year', label: '令和3年度', year: 2021 },
        { kind: 'year', label: '令和4年度', year: 2022 },
      ],
    );
    assert.deepEqual(readHeaderLine('担当部局名 【令和3年度重点目標】x', 1), [
      { kind: 'department', name: '【令和3年度重点目標】x' },
    ]);
  });

  it('a line of 200,000 titles is read without recursion', { timeout }, () => {
    const tokens = readHeaderLine('重点目標一覧表'.repeat(200_000), 1);
    assert.equal(tokens?.length, 200_000);
  });

  it('a cell of 100,000 unclosed <p is text, not markup', { timeout }, () => {
    assertAppError(() => parse(unclosedParagraphs(100_000)), 'PARSE_ERROR', /circled number/);
  });

  it('60,000 items in one cell are all kept, each repeat warned about', { timeout }, () => {
    const doc = parse(itemsInOneCell(60_000));
    assert.equal(doc.review.goals[0]?.items.length, 60_000);
    const repeats = doc.warnings.filter((w) => w.message.includes('numbering ① appears'));
    assert.equal(repeats.length, 59_999);
    assert.equal(repeats.at(-1)?.message, 'goal 1: review item numbering ① appears 60000 times');
  });

  it('60,000 continuation rows are all kept', { timeout }, () => {
    const doc = parse(continuationRows(60_000));
    assert.equal(doc.review.goals[0]?.items.length, 60_000);
    const repeats = doc.warnings.filter((w) => w.message.includes('numbering ① appears'));
    assert.equal(repeats.at(-1)?.line, 60_004);
  });

  it('60,000 notes without an item go to one orphan item, in order', { timeout }, () => {
    const doc = parse(orphanNotes(60_000));
    const items = doc.review.goals[0]?.items ?? [];
    assert.equal(items.length, 60_001);
    const orphan = items.at(-1);
    assert.equal(orphan?.no, 50);
    assert.equal(orphan?.achievement, Array(60_000).fill('y').join(' '));
  });
});
