/**
 * Worker thread body: reads each source it is sent (or draws a PDF's pages) and posts the result (or
 * the error) back, one at a time. Runs in read-isolated.ts's workers, so a slow or greedy file stops
 * this thread, never the server's. Requests posted while the modules load wait in the port's queue.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { onLongWork } from '../long-work.ts';
import { loadPdfjs } from '../pdf/extract.ts';
import { renderPdfPages } from '../pdf/page-render.ts';
import { readSourceAsync } from '../read-source.ts';
import type { WorkerReply, WorkerRequest } from './messages.ts';

async function reply(request: WorkerRequest): Promise<WorkerReply> {
  try {
    if (request.task === 'render') {
      const pages = await renderPdfPages(request.bytes, request.options);
      // Copies of their own: a canvas's Buffer may not be movable to another thread.
      return { ok: true, pages: pages.map((p) => ({ ...p, png: new Uint8Array(p.png) })) };
    }
    return { ok: true, source: await readSourceAsync(request.name, request.bytes) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, location: error.location };
    }
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

onLongWork((extraMs) => parentPort?.postMessage({ started: true, extraMs } satisfies WorkerReply));
// Loading pdfjs is not a file's doing: it happens before the first request is taken up.
await loadPdfjs();
// The parent sends the next request only after the previous reply, so requests never overlap.
parentPort?.on('message', async (request: WorkerRequest) => {
  // The budget counts from here.
  parentPort?.postMessage({ started: true } satisfies WorkerReply);
  const answer = await reply(request);
  // The PNGs are moved, not copied, back to the server's thread.
  const transfer = 'pages' in answer ? answer.pages.map((p) => p.png.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(answer, transfer);
});
