import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { itemsInOneCell } from '../../test-support/pathological-inputs.ts';
import { readSourceAsync } from '../read-source.ts';
import { idleWorkerCount, readSourceIsolated } from './read-isolated.ts';

const timeout = 120_000;

function assertTooComplex(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'IMPORT_TOO_COMPLEX');
    assert.equal(error.location.file, 'big.txt');
    assert.match(error.message, pattern);
    return true;
  };
}

describe('reading a source in a worker', () => {
  it('gives what readSourceAsync gives', { timeout }, async () => {
    const bytes = itemsInOneCell(30);
    assert.deepEqual(await readSourceIsolated('a.txt', bytes), await readSourceAsync('a.txt', bytes));
  });

  it('passes the reader’s AppError through, code and location', { timeout }, async () => {
    await assert.rejects(readSourceIsolated('memo.txt', new TextEncoder().encode('会議メモ\n')), (error) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'NOT_A_DOCUMENT');
      assert.deepEqual(error.location, { file: 'memo.txt', line: 1 });
      return true;
    });
  });

  it('stops a parse over its time budget while the event loop keeps turning', { timeout }, async () => {
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 10);
    const started = Date.now();
    await assert.rejects(
      readSourceIsolated('big.txt', itemsInOneCell(150_000), { timeMs: 200, memoryMb: 512 }),
      assertTooComplex(/longer than 0.2 s/),
    );
    clearInterval(ticker);
    assert.ok(ticks >= (Date.now() - started) / 100, `the event loop turned (${ticks} ticks)`);
  });

  it('keeps a worker that answered warm for the next upload, and ends one over budget', {
    timeout,
  }, async () => {
    const budget = { timeMs: 60_000, memoryMb: 256 };
    assert.equal(idleWorkerCount(256), 0);
    await readSourceIsolated('a.txt', itemsInOneCell(30), budget);
    assert.equal(idleWorkerCount(256), 1, 'kept after a result');
    await assert.rejects(readSourceIsolated('memo.txt', new TextEncoder().encode('会議メモ\n'), budget));
    assert.equal(idleWorkerCount(256), 1, 'kept after the reader’s own error');
    const [first, second] = await Promise.all([
      readSourceIsolated('a.txt', itemsInOneCell(30), budget),
      readSourceIsolated('b.txt', itemsInOneCell(40), budget),
    ]);
    assert.equal(first.documents.length, 1);
    assert.equal(second.documents.length, 1);
    assert.equal(idleWorkerCount(256), 2, 'two at once took two workers');
    await assert.rejects(
      readSourceIsolated('big.txt', itemsInOneCell(150_000), { timeMs: 200, memoryMb: 256 }),
      assertTooComplex(/longer than 0.2 s/),
    );
    assert.equal(idleWorkerCount(256), 1, 'the worker over budget was ended, not kept');
    assert.equal((await readSourceIsolated('a.txt', itemsInOneCell(30), budget)).documents.length, 1);
  });

  it('stops a parse over its memory budget', { timeout }, async () => {
    await assert.rejects(
      readSourceIsolated('big.txt', itemsInOneCell(150_000), { timeMs: 60_000, memoryMb: 16 }),
      assertTooComplex(/more than 16 MB/),
    );
  });
});
