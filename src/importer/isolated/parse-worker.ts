/**
 * Worker thread body: reads one source and posts the result (or the error) back. Runs in
 * read-isolated.ts's worker, so a slow or greedy file stops this thread, never the server's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { loadPdfjs } from '../pdf/extract.ts';
import { readSourceAsync } from '../read-source.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

const { name, bytes } = workerData as WorkerRequest;

async function reply(): Promise<WorkerReply> {
  try {
    return { ok: true, source: await readSourceAsync(name, bytes) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, location: error.location };
    }
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

// The budget counts from here: loading the modules (tsx compiling them, pdfjs) is not the file's doing.
await loadPdfjs();
parentPort?.postMessage({ started: true } satisfies WorkerReply);
parentPort?.postMessage(await reply());
