/**
 * Issue 13 defect 3: lines that made the parser quadratic. Each input is large enough that the old
 * quadratic code took minutes, while a linear parse takes about a second. A test's timeout cannot
 * stop synchronous code, so they are read in the upload's worker with a time budget: over it, the
 * read fails with IMPORT_TOO_COMPLEX. The assertions check that the result is still right. The budget
 * is wide (a loaded CI machine took 28 s for one linear parse) and still far below the old code's minutes.
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
import { readSourceIsolated } from '../isolated/read-isolated.ts';
import { readHeaderLine } from './page-header.ts';

const budget = { timeMs: 60_000, memoryMb: 1024 };
const timeout = 180_000;

async function parse(bytes: Uint8Array) {
  const [doc] = (await readSourceIsolated('big.txt', bytes, budget)).documents;
  assert.ok(doc);
  return doc;
}

async function assertAppError(read: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(read, (error: unknown) => {
    assert.ok(error instanceof AppError, `an AppError, not ${String(error)}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('inputs that were quadratic', () => {
  it('a department line of 83,000 year markers (1.5 MB) is refused as no header', { timeout }, async () => {
    await assertAppError(parse(departmentLine(83_000)), 'NOT_A_DOCUMENT', /review year/);
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

  it('a line of 200,000 titles is read without recursion', () => {
    const tokens = readHeaderLine('重点目標一覧表'.repeat(200_000), 1);
    assert.equal(tokens?.length, 200_000);
  });

  it('a cell of 100,000 unclosed <p is text, not markup', { timeout }, async () => {
    await assertAppError(parse(unclosedParagraphs(100_000)), 'PARSE_ERROR', /circled number/);
  });

  it('60,000 items in one cell are all kept, each repeat warned about', { timeout }, async () => {
    const doc = await parse(itemsInOneCell(60_000));
    assert.equal(doc.review.goals[0]?.items.length, 60_000);
    const repeats = doc.warnings.filter((w) => w.message.includes('numbering ① appears'));
    assert.equal(repeats.length, 59_999);
    assert.equal(repeats.at(-1)?.message, 'goal 1: review item numbering ① appears 60000 times');
  });

  it('60,000 continuation rows are all kept', { timeout }, async () => {
    const doc = await parse(continuationRows(60_000));
    assert.equal(doc.review.goals[0]?.items.length, 60_000);
    const repeats = doc.warnings.filter((w) => w.message.includes('numbering ① appears'));
    assert.equal(repeats.at(-1)?.line, 60_004);
  });

  it('60,000 notes without an item go to one orphan item, in order', { timeout }, async () => {
    const doc = await parse(orphanNotes(60_000));
    const items = doc.review.goals[0]?.items ?? [];
    assert.equal(items.length, 60_001);
    const orphan = items.at(-1);
    assert.equal(orphan?.no, 50);
    assert.equal(orphan?.achievement, Array(60_000).fill('y').join(' '));
  });
});
