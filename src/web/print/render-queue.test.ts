import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpStatusOf, RateLimitedError } from '../../errors.ts';
import { renderQueue } from './render-queue.ts';

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

test('at most `concurrency` tasks run; the waiting ones follow in order; beyond the queue: BUSY with Retry-After', async () => {
  const run = renderQueue(2, 2, 7);
  let running = 0;
  let peak = 0;
  const order: number[] = [];
  const g = gate();
  const task = (n: number) => async () => {
    running += 1;
    peak = Math.max(peak, running);
    await g.opened;
    running -= 1;
    order.push(n);
    return n;
  };
  const accepted = [1, 2, 3, 4].map((n) => run(task(n)));
  await assert.rejects(run(task(5)), (error: unknown) => {
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.code, 'BUSY');
    assert.equal(httpStatusOf(error.code), 503);
    assert.equal(error.retryAfterSeconds, 7);
    return true;
  });
  g.open();
  assert.deepEqual(await Promise.all(accepted), [1, 2, 3, 4]);
  assert.equal(peak, 2);
  assert.deepEqual(order.slice(2), [3, 4]);
  // Slots are given back: the queue takes work again, and a failing task frees its slot too.
  await assert.rejects(
    run(async () => {
      throw new Error('chromium crashed');
    }),
    /chromium crashed/,
  );
  assert.equal(await run(async () => 'after'), 'after');
});
