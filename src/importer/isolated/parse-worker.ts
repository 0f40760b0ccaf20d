/**
 * Worker thread body: reads each source it is sent and posts the result (or the error) back, one
 * at a time. Runs in read-isolated.ts's workers, so a slow or greedy file stops this thread, never
 * the server's. Requests posted while the modules load wait in the port's queue.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { readSourceAsync } from '../read-source.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

async function reply({ name, bytes }: WorkerRequest): Promise<WorkerReply> {
  try {
    return { ok: true, source: await readSourceAsync(name, bytes) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, location: error.location };
    }
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

// The parent sends the next request only after the previous reply, so requests never overlap.
parentPort?.on('message', async (request: WorkerRequest) => {
  // The budget counts from here: loading the modules (tsx compiling them) is not the file's doing.
  parentPort?.postMessage({ started: true } satisfies WorkerReply);
  parentPort?.postMessage(await reply(request));
});
