import { RateLimitedError } from '../../errors.ts';

export type RenderQueue = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * At most `concurrency` PDFs render at once (each is a Chromium page, heavy in memory and CPU); up to
 * `maxWaiting` more wait their turn; beyond that the request is answered 503 with Retry-After at once,
 * instead of every request slowing down together.
 */
export function renderQueue(concurrency: number, maxWaiting: number, retryAfterSeconds = 5): RenderQueue {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < concurrency) {
      running += 1;
    } else {
      if (waiting.length >= maxWaiting) {
        throw new RateLimitedError(
          `PDF rendering is busy: ${running} rendering, ${waiting.length} waiting`,
          retryAfterSeconds,
          'BUSY',
        );
      }
      // The finishing task hands its slot over: `running` stays as it is.
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
